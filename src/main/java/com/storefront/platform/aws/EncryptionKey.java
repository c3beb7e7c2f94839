package com.storefront.platform.aws;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocument;
import com.hashicorp.cdktf.providers.aws.kms_alias.KmsAlias;
import com.hashicorp.cdktf.providers.aws.kms_alias.KmsAliasConfig;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKeyConfig;
import java.util.ArrayList;
import java.util.List;
import software.constructs.Construct;

/**
 * A customer-managed KMS key with yearly rotation and an alias. Its policy keeps administration with the
 * account's IAM policies and lets AWS services use the key only as the constructs that need it grant: each
 * grant method adds one statement. Deleted keys wait 30 days.
 */
public final class EncryptionKey extends Construct {

    private static final int DELETION_WINDOW_DAYS = 30;

    private final EncryptionKeyProps props;
    private final KmsKey key;
    private final String arn;
    private final DataAwsIamPolicyDocument policy;
    private final PolicyStatement administration;
    private final List<PolicyStatement> throughServices = new ArrayList<>();
    private final List<PolicyStatement> roles = new ArrayList<>();
    private final List<PolicyStatement> logGroups = new ArrayList<>();
    private final List<PolicyStatement> publishers = new ArrayList<>();

    public EncryptionKey(Construct scope, String id, EncryptionKeyProps props) {
        super(scope, id);
        this.props = props;
        administration = PolicyStatement.allow("AccountAdministers")
                .account(props.accountId())
                .actions("kms:*")
                .resources("*");
        policy = PolicyStatement.document(this, "policy", statements());
        if (props.provider() != null) {
            policy.setProvider(props.provider());
        }
        key = new KmsKey(this, "key", KmsKeyConfig.builder()
                .provider(props.provider())
                .description(props.description())
                .enableKeyRotation(true)
                .deletionWindowInDays(DELETION_WINDOW_DAYS)
                .policy(policy.getJson())
                .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(props.protect()).build())
                .build());
        arn = key.getArn();
        new KmsAlias(this, "alias", KmsAliasConfig.builder()
                .provider(props.provider())
                .name("alias/" + props.alias())
                .targetKeyId(key.getKeyId())
                .build());
    }

    /**
     * Lets principals of the account encrypt and decrypt with the key, but only through {@code service} (e.g.
     * {@code rds}, {@code secretsmanager}) in the key's region: the service acts for them.
     */
    public void grantThroughService(String sid, String service) {
        grant(throughServices, PolicyStatement.allow(sid)
                .account(props.accountId())
                .actions("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:CreateGrant",
                        "kms:ListGrants", "kms:DescribeKey")
                .resources("*")
                .condition("StringEquals", "kms:ViaService", service + "." + props.region() + ".amazonaws.com")
                .condition("StringEquals", "kms:CallerAccount", props.accountId()));
    }

    /**
     * Lets one role of the account (e.g. the one AWS Backup assumes) use the key directly, and give the AWS services it
     * drives (a snapshot copy) grants on it: the grantee is named by {@code aws:PrincipalArn}, so the policy never
     * refers to a role that does not exist yet. Without it, a copy made by the role "succeeds" with nothing copied.
     */
    public void grantRole(String sid, String roleArn) {
        grant(roles, PolicyStatement.allow(sid)
                .account(props.accountId())
                .actions("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey",
                        "kms:CreateGrant", "kms:ListGrants", "kms:RetireGrant")
                .resources("*")
                .condition("ArnEquals", "aws:PrincipalArn", roleArn));
    }

    /**
     * Lets CloudWatch Logs encrypt the log groups named by {@code logGroupName} (exact, or ending in {@code *}) in
     * this account and region, and no others.
     */
    public void grantLogGroups(String sid, String logGroupName) {
        grant(logGroups, PolicyStatement.allow(sid)
                .service("logs." + props.region() + ".amazonaws.com")
                .actions("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*")
                .resources("*")
                .condition(logGroupName.endsWith("*") ? "ArnLike" : "ArnEquals", "kms:EncryptionContext:aws:logs:arn",
                        "arn:aws:logs:" + props.region() + ":" + props.accountId() + ":log-group:" + logGroupName));
    }

    /** Lets {@code services} (e.g. CloudWatch alarms) publish to an SNS topic encrypted with the key, for this account only. */
    public void grantPublishers(String sid, String... services) {
        grant(publishers, PolicyStatement.allow(sid)
                .service(services)
                .actions("kms:Decrypt", "kms:GenerateDataKey*")
                .resources("*")
                .condition("StringEquals", "aws:SourceAccount", props.accountId()));
    }

    /**
     * A statement for a principal's own policy: decrypt with this key, but only through {@code service} in the key's
     * region (e.g. reading a secret the key encrypts through {@code secretsmanager}).
     */
    public PolicyStatement decryptThroughService(String sid, String service) {
        return PolicyStatement.allow(sid)
                .actions("kms:Decrypt")
                .resources(arn)
                .condition("StringEquals", "kms:ViaService", service + "." + props.region() + ".amazonaws.com");
    }

    /** A grant made again under the same sid (two constructs needing the same service) is made once. */
    private void grant(List<PolicyStatement> kind, PolicyStatement statement) {
        if (kind.stream().anyMatch(granted -> granted.sid().equals(statement.sid()))) {
            return;
        }
        kind.add(statement);
        PolicyStatement.replaceStatements(policy, statements());
    }

    /** Grouped by kind, so the policy reads the same whatever order the constructs granted in. */
    private List<PolicyStatement> statements() {
        List<PolicyStatement> all = new ArrayList<>(List.of(administration));
        all.addAll(throughServices);
        all.addAll(roles);
        all.addAll(logGroups);
        all.addAll(publishers);
        return all;
    }

    public String arn() {
        return arn;
    }
}
