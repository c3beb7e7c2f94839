package com.storefront.platform.config;

/**
 * How long snapshot exports and copies in the backup bucket stay in each storage class.
 *
 * @param infrequentAccessAfterDays move to Standard-IA after this many days. Default: 30
 * @param glacierAfterDays move to Glacier Flexible Retrieval after this many days. Default: 90
 * @param expireAfterDays delete after this many days. Default: 365
 * @param noncurrentExpireAfterDays delete overwritten or deleted versions after this many days. Default: 90
 */
public record BackupBucketLifecycle(int infrequentAccessAfterDays, int glacierAfterDays, int expireAfterDays,
        int noncurrentExpireAfterDays) {

    public static final BackupBucketLifecycle DEFAULT = new BackupBucketLifecycle(30, 90, 365, 90);

    public BackupBucketLifecycle {
        if (infrequentAccessAfterDays < 30) {
            throw new InvalidConfigException("database.backupLifecycle.infrequentAccessAfterDays", infrequentAccessAfterDays,
                    "must be at least 30 (S3's minimum before Standard-IA)");
        }
        if (glacierAfterDays <= infrequentAccessAfterDays) {
            throw new InvalidConfigException("database.backupLifecycle.glacierAfterDays", glacierAfterDays,
                    "must be after infrequentAccessAfterDays (" + infrequentAccessAfterDays + ")");
        }
        if (expireAfterDays <= glacierAfterDays) {
            throw new InvalidConfigException("database.backupLifecycle.expireAfterDays", expireAfterDays,
                    "must be after glacierAfterDays (" + glacierAfterDays + ")");
        }
        if (noncurrentExpireAfterDays < 1) {
            throw new InvalidConfigException("database.backupLifecycle.noncurrentExpireAfterDays", noncurrentExpireAfterDays,
                    "must be at least 1 day");
        }
    }
}
