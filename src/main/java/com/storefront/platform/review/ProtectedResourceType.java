package com.storefront.platform.review;

import java.util.Arrays;
import java.util.Optional;

/**
 * The resource types whose deletion or replacement loses data or the means to read it, and that the
 * {@link Guard} therefore stops unless acknowledged. This is the one list to review when the stacks grow.
 *
 * <p>Deliberately not protected:
 * <ul>
 *   <li>{@code aws_kms_alias}: a name pointing at a key. Replacing it moves the name; the key and everything
 *       encrypted with it stay.</li>
 *   <li>{@code aws_secretsmanager_secret_version}: a new version is created on every password rotation by
 *       design (bumping {@code secret_string_wo_version} replaces it). Guarding it would block every rotation;
 *       the secret itself, which holds all versions, is guarded.</li>
 *   <li>parameter and subnet groups, security groups, roles, alarms: recreated with no data lost (parameter
 *       groups are made replace-safe with {@code create_before_destroy}).</li>
 *   <li>{@code aws_backup_plan} and {@code aws_backup_selection}: they hold no data. Deleting them stops new
 *       recovery points but keeps every existing one in its vault until its own retention ends, and the review lists
 *       the deletion like any other. A selection is replaced by any change to it (every argument forces a new one,
 *       e.g. a new role), so guarding it would block routine changes, as with secret versions.</li>
 * </ul>
 *
 * <p>AWS Backup recovery points are not Terraform resources (AWS Backup makes them, Terraform never plans them), so no
 * entry here can name them. They are protected through what holds them: their {@link #BACKUP_VAULT vault}, which AWS
 * refuses to delete while it holds any and which {@code prevent_destroy} keeps in protected tiers, and the
 * {@link #KMS_KEY keys} they are encrypted with. Against deletion through the API (a person or a compromised role), a
 * vault lock ({@code aws_backup_vault_lock_configuration}) is the control: this project sets none, so recovery points
 * can still be deleted by whoever has {@code backup:DeleteRecoveryPoint}.
 */
public enum ProtectedResourceType {

    DATABASE_INSTANCE("aws_db_instance", false,
            "a database instance: deleting or replacing it loses its data and automated backups unless restored from a snapshot"),
    KMS_KEY("aws_kms_key", false,
            "a KMS key: once deleted, everything encrypted with it (database storage, snapshots, secrets, exports) is unreadable"),
    SECRET("aws_secretsmanager_secret", false,
            "a secret: deleting or replacing it drops the stored credentials and every version of them"),
    S3_BUCKET("aws_s3_bucket", false,
            "an S3 bucket (the backup bucket, the state bucket): deleting or replacing it loses its objects"),
    S3_BUCKET_CONFIGURATION("aws_s3_bucket_", true,
            "an S3 bucket's configuration (versioning, lifecycle, encryption, object lock, policy, public access block):"
                    + " deleting or replacing it changes how the bucket's objects are kept and protected"),
    LOG_GROUP("aws_cloudwatch_log_group", false,
            "a CloudWatch log group: deleting or replacing it deletes the logs it holds"),
    BACKUP_VAULT("aws_backup_vault", false,
            "an AWS Backup vault: deleting it needs it empty (force_destroy deletes every recovery point first), and replacing"
                    + " it loses the place the recovery points are kept: new ones go to an empty vault and the old ones are orphaned"
                    + " or deleted with it");

    private final String type;
    private final boolean isPrefix;
    private final String why;

    ProtectedResourceType(String type, boolean isPrefix, String why) {
        this.type = type;
        this.isPrefix = isPrefix;
        this.why = why;
    }

    /** The protection that covers resources of {@code resourceType}, if any. */
    public static Optional<ProtectedResourceType> of(String resourceType) {
        return Arrays.stream(values()).filter(p -> p.covers(resourceType)).findFirst();
    }

    /** The resource type, or type prefix ending in {@code _} for a family, e.g. {@code aws_s3_bucket_}. */
    public String type() {
        return isPrefix ? type + "*" : type;
    }

    /** What the resource is and what is lost with it. */
    public String why() {
        return why;
    }

    private boolean covers(String resourceType) {
        return isPrefix ? resourceType.startsWith(type) : resourceType.equals(type);
    }
}
