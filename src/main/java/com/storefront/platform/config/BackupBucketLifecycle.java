package com.storefront.platform.config;

/**
 * How long snapshot exports and copies in the backup bucket stay in each storage class. Defaults:
 * {@link Environments#defaults}.
 *
 * @param infrequentAccessAfterDays move to Standard-IA after this many days
 * @param glacierAfterDays move to Glacier Flexible Retrieval after this many days, at least 30 days after Standard-IA
 * @param expireAfterDays delete after this many days
 * @param noncurrentExpireAfterDays delete overwritten or deleted versions after this many days
 */
public record BackupBucketLifecycle(int infrequentAccessAfterDays, int glacierAfterDays, int expireAfterDays,
        int noncurrentExpireAfterDays) {

    public BackupBucketLifecycle {
        if (infrequentAccessAfterDays < 30) {
            throw new InvalidConfigException("database.backups.exportLifecycle.infrequentAccessAfterDays", infrequentAccessAfterDays,
                    "must be at least 30 (S3's minimum before Standard-IA)");
        }
        // Both transitions are in one rule (BackupExport), and S3 keeps an object in Standard-IA for at least 30 days
        // before a later transition to Glacier: it refuses a rule whose Glacier transition comes sooner.
        if (glacierAfterDays < infrequentAccessAfterDays + 30) {
            throw new InvalidConfigException("database.backups.exportLifecycle.glacierAfterDays", glacierAfterDays,
                    "must be after infrequentAccessAfterDays (" + infrequentAccessAfterDays + ") by at least 30 days, so "
                            + (infrequentAccessAfterDays + 30) + " or more: S3 refuses a rule that leaves Standard-IA for Glacier"
                            + " sooner");
        }
        if (expireAfterDays <= glacierAfterDays) {
            throw new InvalidConfigException("database.backups.exportLifecycle.expireAfterDays", expireAfterDays,
                    "must be after glacierAfterDays (" + glacierAfterDays + "), so " + (glacierAfterDays + 1) + " or more:"
                            + " S3 refuses a rule that expires objects before their last transition; raise it or lower glacierAfterDays");
        }
        if (noncurrentExpireAfterDays < 1) {
            throw new InvalidConfigException("database.backups.exportLifecycle.noncurrentExpireAfterDays", noncurrentExpireAfterDays,
                    "must be at least 1 day");
        }
    }

    public Builder toBuilder() {
        return new Builder().infrequentAccessAfterDays(infrequentAccessAfterDays).glacierAfterDays(glacierAfterDays)
                .expireAfterDays(expireAfterDays).noncurrentExpireAfterDays(noncurrentExpireAfterDays);
    }

    /** Builds a {@link BackupBucketLifecycle}; every value is required. */
    public static final class Builder {
        private Integer infrequentAccessAfterDays;
        private Integer glacierAfterDays;
        private Integer expireAfterDays;
        private Integer noncurrentExpireAfterDays;

        Builder() {
        }

        public Builder infrequentAccessAfterDays(int days) {
            infrequentAccessAfterDays = days;
            return this;
        }

        public Builder glacierAfterDays(int days) {
            glacierAfterDays = days;
            return this;
        }

        public Builder expireAfterDays(int days) {
            expireAfterDays = days;
            return this;
        }

        public Builder noncurrentExpireAfterDays(int days) {
            noncurrentExpireAfterDays = days;
            return this;
        }

        public BackupBucketLifecycle build() {
            String field = "database.backups.exportLifecycle.";
            return new BackupBucketLifecycle(Required.of(field + "infrequentAccessAfterDays", infrequentAccessAfterDays),
                    Required.of(field + "glacierAfterDays", glacierAfterDays), Required.of(field + "expireAfterDays", expireAfterDays),
                    Required.of(field + "noncurrentExpireAfterDays", noncurrentExpireAfterDays));
        }
    }
}
