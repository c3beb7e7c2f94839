package com.storefront.platform.support;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.kms_alias.KmsAlias;
import com.hashicorp.cdktf.providers.aws.kms_alias.KmsAliasConfig;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKeyConfig;
import java.util.ArrayList;
import java.util.List;
import software.constructs.Construct;

/**
 * A customer-managed KMS key with yearly rotation, an alias, and a key policy that keeps administration
 * with the account's IAM policies and lets only the named services use it. Deleted keys wait 30 days.
 */
public final class EncryptionKey extends Construct {

    private static final int DELETION_WINDOW_DAYS = 30;

    private final KmsKey key;

    public EncryptionKey(Construct scope, String id, EncryptionKeyProps props) {
        super(scope, id);
        List<PolicyStatement> statements = new ArrayList<>();
        statements.add(PolicyStatement.allow("AccountAdministers")
                .account(props.accountId())
                .actions("kms:*")
                .resources("*"));
        statements.addAll(props.serviceGrants());
        key = new KmsKey(this, "key", KmsKeyConfig.builder()
                .description(props.description())
                .enableKeyRotation(true)
                .deletionWindowInDays(DELETION_WINDOW_DAYS)
                .policy(PolicyStatement.document(this, "policy", statements).getJson())
                .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(props.protect()).build())
                .build());
        new KmsAlias(this, "alias", KmsAliasConfig.builder()
                .name("alias/" + props.alias())
                .targetKeyId(key.getKeyId())
                .build());
    }

    /**
     * Lets CloudWatch Logs encrypt the log groups named by {@code logGroupName} (exact, or ending in
     * {@code *}) in this account and region, and no others.
     */
    public static PolicyStatement cloudWatchLogsGrant(String sid, String region, String accountId, String logGroupName) {
        return PolicyStatement.allow(sid)
                .service("logs." + region + ".amazonaws.com")
                .actions("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*")
                .resources("*")
                .condition(logGroupName.endsWith("*") ? "ArnLike" : "ArnEquals", "kms:EncryptionContext:aws:logs:arn",
                        "arn:aws:logs:" + region + ":" + accountId + ":log-group:" + logGroupName);
    }

    public String arn() {
        return key.getArn();
    }
}
