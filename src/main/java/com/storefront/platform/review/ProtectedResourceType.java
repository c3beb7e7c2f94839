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
 * </ul>
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
            "a CloudWatch log group: deleting or replacing it deletes the logs it holds");

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
