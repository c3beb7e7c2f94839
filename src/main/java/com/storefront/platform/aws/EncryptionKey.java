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
 * A customer-managed KMS key with yearly rotation and an alias. Deleted keys wait 30 days.
 *
 * <p>Its policy gives the account {@code kms:*}, as AWS's default key policy does: who may use the key is then decided
 * by the IAM policies of the account's principals, and a service acting for them (RDS, Secrets Manager, AWS Backup)
 * needs nothing more here. A statement naming the account under a condition would add nothing to that one. Service
 * principals that act on their own behalf (CloudWatch Logs, the publishers of an encrypted topic) are not principals of
 * the account: each grant method adds the one statement such a service needs.
 */
public final class EncryptionKey extends Construct {

    private static final int DELETION_WINDOW_DAYS = 30;

    private final EncryptionKeyProps props;
    private final KmsKey key;
    private final String arn;
    private final DataAwsIamPolicyDocument policy;
    private final PolicyStatement administration;
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

    /** Lets CloudWatch Logs encrypt the log groups named {@code logGroupNames} in this account and region, and no others. */
    public void grantLogGroups(String sid, List<String> logGroupNames) {
        grant(logGroups, PolicyStatement.allow(sid)
                .service("logs." + props.region() + ".amazonaws.com")
                .actions("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*")
                .resources("*")
                .condition("ArnEquals", "kms:EncryptionContext:aws:logs:arn", logGroupNames.stream()
                        .map(name -> "arn:aws:logs:" + props.region() + ":" + props.accountId() + ":log-group:" + name)
                        .toArray(String[]::new)));
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
     * Lets EventBridge deliver to an SNS topic encrypted with the key. Unconditioned: SNS's guide to encrypted topics says
     * aws:SourceAccount and aws:SourceArn in a key policy are not supported for EventBridge-to-encrypted-topic delivery;
     * the topic's own policy names the rules that may publish.
     */
    public void grantEventBridge(String sid) {
        grant(publishers, PolicyStatement.allow(sid)
                .service("events.amazonaws.com")
                .actions("kms:Decrypt", "kms:GenerateDataKey*")
                .resources("*"));
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
        all.addAll(logGroups);
        all.addAll(publishers);
        return all;
    }

    public String arn() {
        return arn;
    }
}
