package com.storefront.platform.config;

/**
 * S3 Object Lock on the backup export bucket: every export is kept unchangeable for {@code retentionDays}. It can be
 * switched on for an existing environment (the bucket stays, exports already in it are not locked); once on, S3 never
 * switches it off: removing it here only stops setting the default retention of new exports.
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
