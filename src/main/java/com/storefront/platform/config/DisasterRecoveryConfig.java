package com.storefront.platform.config;

/**
 * AWS Backup of the primary instance, each recovery point copied to a vault in a second region, so that the database
 * can be restored there when the environment's region is lost. Default: in prod, eu-central-1, 35 daily and 365
 * monthly days; none in dev and staging ({@link Environments#defaults}).
 *
 * <p>Recovery points are snapshots (not continuous backups), so AWS Backup never competes with the instance's own
 * automated backups ({@link BackupConfig#retentionDays}). RDS snapshots do not move to cold storage in AWS Backup, so
 * the retentions are the only lifecycle, in the environment's vault and in the disaster-recovery vault alike.
 *
 * @param region where the copies are kept: a commercial region the AWS provider 5.100.0 knows, other than the
 *     environment's own
 * @param dailyRetentionDays how long each daily recovery point (and its copy) is kept, at least 1 day
 * @param monthlyRetentionDays how long each monthly recovery point (taken on the 1st, and its copy) is kept, at least 1
 *     day
 */
public record DisasterRecoveryConfig(String region, int dailyRetentionDays, int monthlyRetentionDays) {

    /**
     * When the daily and the monthly (on the 1st) snapshot start, in UTC: 06:00, after the RDS backup window (03:00-04:00)
     * and the Sunday maintenance window (04:30-05:30) of the defaults. RDS takes no snapshot while it takes its own
     * backup or maintains the instance, so neither window may meet the start window ({@code DatabaseConfig} checks it).
     */
    public static final int START_HOUR_UTC = 6;

    /** AWS Backup's minimum start window; a job that has not started within it is not started that day. */
    public static final int START_WINDOW_MINUTES = 60;

    public DisasterRecoveryConfig {
        Regions.requireEnvironmentRegion("database.backups.disasterRecovery.region", region);
        requireRetention("database.backups.disasterRecovery.dailyRetentionDays", dailyRetentionDays);
        requireRetention("database.backups.disasterRecovery.monthlyRetentionDays", monthlyRetentionDays);
    }

    /**
     * AWS Backup's rule (Lifecycle.DeleteAfterDays): a whole number of days after creation; only a recovery point moved
     * to cold storage must also stay 90 days there, which RDS snapshots never are. No upper bound is refused: AWS
     * accepts any.
     */
    private static void requireRetention(String field, int days) {
        if (days < 1) {
            throw new InvalidConfigException(field, days, "must be at least 1 day (AWS Backup deletes a recovery point that many days after"
                    + " it is made); keep 35 days of dailies and a year of monthlies for a typical recovery objective");
        }
    }
}
