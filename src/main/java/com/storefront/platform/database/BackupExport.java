package com.storefront.platform.database;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRoleConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicyConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3BucketConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfiguration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRule;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleExpiration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleFilter;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleTransition;
import com.hashicorp.cdktf.providers.aws.s3_bucket_ownership_controls.S3BucketOwnershipControls;
import com.hashicorp.cdktf.providers.aws.s3_bucket_ownership_controls.S3BucketOwnershipControlsConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_ownership_controls.S3BucketOwnershipControlsRule;
import com.hashicorp.cdktf.providers.aws.s3_bucket_policy.S3BucketPolicy;
import com.hashicorp.cdktf.providers.aws.s3_bucket_policy.S3BucketPolicyConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_public_access_block.S3BucketPublicAccessBlock;
import com.hashicorp.cdktf.providers.aws.s3_bucket_public_access_block.S3BucketPublicAccessBlockConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationAConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningAConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningVersioningConfiguration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_logging.S3BucketLoggingA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_logging.S3BucketLoggingAConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_object_lock_configuration.S3BucketObjectLockConfigurationA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_object_lock_configuration.S3BucketObjectLockConfigurationAConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_object_lock_configuration.S3BucketObjectLockConfigurationRuleA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_object_lock_configuration.S3BucketObjectLockConfigurationRuleDefaultRetentionA;
import com.storefront.platform.config.BackupBucketLifecycle;
import com.storefront.platform.config.ObjectLock;
import com.storefront.platform.aws.PolicyStatement;
import com.storefront.platform.aws.ResourceNames;
import java.util.List;
import software.constructs.Construct;

/**
 * Long-term database backups in S3: a private, versioned, KMS-encrypted, TLS-only bucket whose objects
 * age into cheaper storage and expire (optionally under S3 Object Lock), whose every access is logged to a
 * locked-down bucket of its own, and the role RDS assumes to export snapshots into it, limited to that bucket and key.
 */
public final class BackupExport extends Construct {

    /** Where the export bucket's access logs go in the log bucket. */
    static final String ACCESS_LOG_PREFIX = "backup-bucket/";

    private final S3Bucket bucket;
    private final IamRole exportRole;
    private final ResourceNames names;
    private final String keyArn;

    public BackupExport(Construct scope, String id, BackupExportProps props) {
        super(scope, id);
        names = props.names();
        keyArn = props.key().arn();

        bucket = new S3Bucket(this, "bucket", S3BucketConfig.builder()
                // Bucket names are global: the account and region keep them unique.
                .bucket(names.name("db-backups-" + props.accountId() + "-" + names.region()))
                .forceDestroy(!props.protect())
                // object_lock_enabled stays unset: set, a change of it replaces the bucket and its exports. The lock's
                // own resource switches Object Lock on, on a new bucket or an existing versioned one alike.
                .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(props.protect()).build())
                .build());
        new S3BucketOwnershipControls(this, "ownership", S3BucketOwnershipControlsConfig.builder()
                .bucket(bucket.getId())
                .rule(S3BucketOwnershipControlsRule.builder().objectOwnership("BucketOwnerEnforced").build())
                .build());
        new S3BucketPublicAccessBlock(this, "public-access-block", S3BucketPublicAccessBlockConfig.builder()
                .bucket(bucket.getId())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build());
        S3BucketVersioningA versioning = new S3BucketVersioningA(this, "versioning", S3BucketVersioningAConfig.builder()
                .bucket(bucket.getId())
                .versioningConfiguration(S3BucketVersioningVersioningConfiguration.builder().status("Enabled").build())
                .build());
        new S3BucketServerSideEncryptionConfigurationA(this, "encryption", S3BucketServerSideEncryptionConfigurationAConfig.builder()
                .bucket(bucket.getId())
                .rule(List.of(S3BucketServerSideEncryptionConfigurationRuleA.builder()
                        .applyServerSideEncryptionByDefault(S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA.builder()
                                .sseAlgorithm("aws:kms")
                                .kmsMasterKeyId(props.key().arn())
                                .build())
                        .bucketKeyEnabled(true)
                        .build()))
                .build());
        new S3BucketPolicy(this, "tls-only", S3BucketPolicyConfig.builder()
                .bucket(bucket.getId())
                .policy(PolicyStatement.document(this, "tls-only-policy", List.of(
                        PolicyStatement.deny("DenyPlainHttp")
                                .anyone()
                                .actions("s3:*")
                                .resources(bucket.getArn(), bucket.getArn() + "/*")
                                .condition("Bool", "aws:SecureTransport", "false"))).getJson())
                .build());
        lifecycle(props.backups().exportLifecycle());
        if (props.backups().exportObjectLock() != null) {
            ObjectLock lock = props.backups().exportObjectLock();
            new S3BucketObjectLockConfigurationA(this, "object-lock", S3BucketObjectLockConfigurationAConfig.builder()
                    .bucket(bucket.getId())
                    .objectLockEnabled("Enabled")
                    // S3 switches Object Lock on only in a bucket whose versioning is enabled.
                    .dependsOn(List.of(versioning))
                    .rule(S3BucketObjectLockConfigurationRuleA.builder()
                            .defaultRetention(S3BucketObjectLockConfigurationRuleDefaultRetentionA.builder()
                                    .mode(lock.mode().name())
                                    .days(lock.retentionDays())
                                    .build())
                            .build())
                    .build());
        }
        accessLogs(props);

        exportRole = new IamRole(this, "export-role", IamRoleConfig.builder()
                .name(names.iamRoleName("rds-s3-export"))
                .assumeRolePolicy(PolicyStatement.document(this, "export-trust", List.of(
                        PolicyStatement.allow("RdsExportAssumesRole")
                                .service("export.rds.amazonaws.com")
                                .actions("sts:AssumeRole")
                                .condition("StringEquals", "aws:SourceAccount", props.accountId()))).getJson())
                .build());
        new IamRolePolicy(this, "export-access", IamRolePolicyConfig.builder()
                .name("export-to-" + names.name("db-backups"))
                .role(exportRole.getId())
                .policy(PolicyStatement.document(this, "export-access-policy", List.of(
                        PolicyStatement.allow("ListBackupBucket")
                                .actions("s3:ListBucket", "s3:GetBucketLocation")
                                .resources(bucket.getArn()),
                        PolicyStatement.allow("WriteBackupObjects")
                                .actions("s3:PutObject*", "s3:GetObject*", "s3:DeleteObject*")
                                .resources(bucket.getArn() + "/*"),
                        PolicyStatement.allow("UseBackupKey")
                                .actions("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                                        "kms:CreateGrant", "kms:DescribeKey", "kms:RetireGrant")
                                .resources(props.key().arn()))).getJson())
                .build());
    }

    /**
     * Who read or wrote a backup: S3 server access logs of the export bucket, delivered to a private bucket of their
     * own (FSBP S3.9) that only the S3 logging service writes to, and only for this bucket.
     */
    private void accessLogs(BackupExportProps props) {
        S3Bucket logs = new S3Bucket(this, "access-logs", S3BucketConfig.builder()
                .bucket(names.name("backup-logs-" + props.accountId() + "-" + names.region()))
                .forceDestroy(!props.protect())
                .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(props.protect()).build())
                .build());
        String logsId = logs.getId();
        String logsArn = logs.getArn();
        new S3BucketOwnershipControls(this, "access-logs-ownership", S3BucketOwnershipControlsConfig.builder()
                .bucket(logsId)
                .rule(S3BucketOwnershipControlsRule.builder().objectOwnership("BucketOwnerEnforced").build())
                .build());
        new S3BucketPublicAccessBlock(this, "access-logs-public-access-block", S3BucketPublicAccessBlockConfig.builder()
                .bucket(logsId)
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build());
        // S3 delivers access logs only to buckets encrypted with S3-managed keys, not with a KMS key.
        new S3BucketServerSideEncryptionConfigurationA(this, "access-logs-encryption", S3BucketServerSideEncryptionConfigurationAConfig.builder()
                .bucket(logsId)
                .rule(List.of(S3BucketServerSideEncryptionConfigurationRuleA.builder()
                        .applyServerSideEncryptionByDefault(S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA.builder()
                                .sseAlgorithm("AES256")
                                .build())
                        .build()))
                .build());
        String bucketArn = bucket.getArn();
        S3BucketPolicy logDelivery = new S3BucketPolicy(this, "access-logs-policy", S3BucketPolicyConfig.builder()
                .bucket(logsId)
                .policy(PolicyStatement.document(this, "access-logs-policy-document", List.of(
                        PolicyStatement.allow("S3LogsTheBackupBucketOnly")
                                .service("logging.s3.amazonaws.com")
                                .actions("s3:PutObject")
                                .resources(logsArn + "/" + ACCESS_LOG_PREFIX + "*")
                                .condition("ArnLike", "aws:SourceArn", bucketArn)
                                .condition("StringEquals", "aws:SourceAccount", props.accountId()),
                        PolicyStatement.deny("DenyPlainHttp")
                                .anyone()
                                .actions("s3:*")
                                .resources(logsArn, logsArn + "/*")
                                .condition("Bool", "aws:SecureTransport", "false"))).getJson())
                .build());
        new S3BucketLifecycleConfiguration(this, "access-logs-lifecycle", S3BucketLifecycleConfigurationConfig.builder()
                .bucket(logsId)
                .rule(List.of(S3BucketLifecycleConfigurationRule.builder()
                        .id("expire-access-logs")
                        .status("Enabled")
                        .filter(S3BucketLifecycleConfigurationRuleFilter.builder().prefix("").build())
                        .expiration(S3BucketLifecycleConfigurationRuleExpiration.builder()
                                .days(props.backups().accessLogRetentionDays()).build())
                        .build()))
                .build());
        new S3BucketLoggingA(this, "access-logging", S3BucketLoggingAConfig.builder()
                .bucket(bucket.getId())
                .targetBucket(logsId)
                .targetPrefix(ACCESS_LOG_PREFIX)
                // S3 refuses to log to a bucket whose policy does not yet let the logging service write to it.
                .dependsOn(List.of(logDelivery))
                .build());
    }

    private void lifecycle(BackupBucketLifecycle lifecycle) {
        new S3BucketLifecycleConfiguration(this, "lifecycle", S3BucketLifecycleConfigurationConfig.builder()
                .bucket(bucket.getId())
                .rule(List.of(S3BucketLifecycleConfigurationRule.builder()
                        .id("age-out-backups")
                        .status("Enabled")
                        .filter(S3BucketLifecycleConfigurationRuleFilter.builder().prefix("").build())
                        .transition(List.of(
                                S3BucketLifecycleConfigurationRuleTransition.builder()
                                        .days(lifecycle.infrequentAccessAfterDays()).storageClass("STANDARD_IA").build(),
                                S3BucketLifecycleConfigurationRuleTransition.builder()
                                        .days(lifecycle.glacierAfterDays()).storageClass("GLACIER").build()))
                        .expiration(S3BucketLifecycleConfigurationRuleExpiration.builder()
                                .days(lifecycle.expireAfterDays()).build())
                        .noncurrentVersionExpiration(S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration.builder()
                                .noncurrentDays(lifecycle.noncurrentExpireAfterDays()).build())
                        .abortIncompleteMultipartUpload(S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload.builder()
                                .daysAfterInitiation(7).build())
                        .build()))
                .build());
    }

    /**
     * The command that exports a snapshot (its ARN in {@code SNAPSHOT_ARN}) to the bucket as Parquet, through the
     * export role, encrypted with the key.
     */
    public String exportCommand() {
        return "aws rds start-export-task --region " + names.region() + " --export-task-identifier " + names.name("export")
                + "-$(date +%Y%m%d%H%M) --source-arn \"$SNAPSHOT_ARN\" --s3-bucket-name " + bucket.getBucket()
                + " --iam-role-arn " + exportRole.getArn() + " --kms-key-id " + keyArn;
    }

    public S3Bucket bucket() {
        return bucket;
    }

    public IamRole exportRole() {
        return exportRole;
    }
}
