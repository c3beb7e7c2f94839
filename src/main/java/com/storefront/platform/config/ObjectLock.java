package com.storefront.platform.config;

/**
 * S3 Object Lock on the backup export bucket: every export is kept unchangeable for {@code retentionDays}. Chosen
 * when the bucket is created; switching it on for an existing bucket replaces the bucket, which the plan review's
 * guard blocks.
 *
 * @param mode {@code GOVERNANCE} (users with {@code s3:BypassGovernanceRetention} may still delete) or {@code COMPLIANCE}
 *     (nobody, not even the root user, until retention ends)
 * @param retentionDays how long each object version stays locked, at least 1
 */
public record ObjectLock(Mode mode, int retentionDays) {

    /** The S3 Object Lock retention modes. */
    public enum Mode { GOVERNANCE, COMPLIANCE }

    public ObjectLock {
        Required.of("database.backups.exportObjectLock.mode", mode);
        if (retentionDays < 1) {
            throw new InvalidConfigException("database.backups.exportObjectLock.retentionDays", retentionDays,
                    "must be at least 1 day (S3's default retention takes whole days)");
        }
    }
}
