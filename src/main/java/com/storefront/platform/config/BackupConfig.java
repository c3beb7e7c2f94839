package com.storefront.platform.config;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Automated backups, where a new primary comes from, and long-term exports. Defaults: {@link Environments#defaults}.
 *
 * @param retentionDays automated backup retention, 0..35 days (RDS's range); 0 turns automated backups and point-in-time
 *     recovery off, which RDS refuses for an instance with read replicas
 * @param window the daily UTC backup window, hh24:mi-hh24:mi
 * @param snapshotIdentifier create the primary from this DB snapshot (e.g. seed staging from a dev snapshot): its name
 *     ({@code rds:<name>} for an automated one) or, for one shared from another account, its ARN, in the environment's
 *     region; later changes are ignored, never a replacement; the primary keeps the snapshot's encryption key (an
 *     unencrypted snapshot fails every plan); null for an empty database
 * @param exportLifecycle storage classes and expiry in the backup export bucket
 * @param exportObjectLock S3 Object Lock on the export bucket, at creation or later; null for none
 * @param accessLogRetentionDays how long the export bucket's access logs (who read or wrote a backup) are kept
 * @param disasterRecovery AWS Backup of the primary with copies in a second region; null for none. Default: on in prod
 *     only
 */
public record BackupConfig(int retentionDays, String window, String snapshotIdentifier, BackupBucketLifecycle exportLifecycle,
        ObjectLock exportObjectLock, int accessLogRetentionDays, DisasterRecoveryConfig disasterRecovery) {

    /**
     * A DB snapshot identifier (CreateDBSnapshot: 1..255 letters, digits or hyphens, first a letter, no trailing or double
     * hyphen), {@code rds:}-prefixed for an automated snapshot and {@code awsbackup:}-prefixed for one AWS Backup made
     * ({@code awsbackup:job-<id>}, or {@code awsbackup:copyjob-<id>} for a copy in another region).
     */
    private static final String SNAPSHOT_NAME = "(?:rds:|awsbackup:)?[A-Za-z](?!.*--)[A-Za-z0-9-]{0,254}(?<!-)";

    /**
     * A DB snapshot ARN, the form RestoreDBInstanceFromDBSnapshot requires for a snapshot shared from another account.
     * The partition is aws, like every ARN this project builds.
     */
    private static final Pattern SNAPSHOT_ARN = Pattern.compile("arn:aws:rds:([a-z]{2}-[a-z]+-\\d+):(\\d{12}):snapshot:" + SNAPSHOT_NAME);

    public BackupConfig {
        if (accessLogRetentionDays < 1) {
            throw new InvalidConfigException("database.backups.accessLogRetentionDays", accessLogRetentionDays,
                    "must be at least 1 day; keep a year (365) to answer who read a backup");
        }
        if (retentionDays < 0 || retentionDays > 35) {
            throw new InvalidConfigException("database.backups.retentionDays", retentionDays,
                    "must be 0..35 days (RDS's range; 0 turns automated backups off, 7 keeps a week of point-in-time recovery)");
        }
        MaintenanceWindows.daily("database.backups.window", window);
        if (snapshotIdentifier != null) {
            requireSnapshot(snapshotIdentifier);
        }
    }

    private static void requireSnapshot(String snapshot) {
        String field = "database.backups.snapshotIdentifier";
        if (snapshot.isBlank()) {
            throw new InvalidConfigException(field, snapshot, "must be a snapshot name or ARN, or left unset");
        }
        if (snapshot.startsWith("arn:") && snapshot.contains(":cluster-snapshot:")) {
            throw new InvalidConfigException(field, snapshot, "must be a DB snapshot, not a DB cluster snapshot: a DB instance restores only from"
                    + " arn:aws:rds:<region>:<account>:snapshot:<name>; take a DB snapshot or export and import the data");
        }
        if (snapshot.startsWith("arn:") && !SNAPSHOT_ARN.matcher(snapshot).matches()) {
            throw new InvalidConfigException(field, snapshot,
                    "must be a DB snapshot ARN like arn:aws:rds:eu-west-1:111122223333:snapshot:dev-seed (aws partition, 12-digit account,"
                            + " snapshot name of letters, digits and single hyphens)");
        }
        if (!snapshot.startsWith("arn:") && !snapshot.matches(SNAPSHOT_NAME)) {
            throw new InvalidConfigException(field, snapshot,
                    "must be a DB snapshot name (1..255 letters, digits or single hyphens, starting with a letter and not ending with a"
                            + " hyphen; rds:<name> for an automated snapshot, awsbackup:job-<id> for one AWS Backup made) or a DB snapshot ARN");
        }
    }

    /** The region of the snapshot when it is given as an ARN, else null: a name is always in the environment's region. */
    String snapshotRegion() {
        if (snapshotIdentifier == null) {
            return null;
        }
        Matcher arn = SNAPSHOT_ARN.matcher(snapshotIdentifier);
        return arn.matches() ? arn.group(1) : null;
    }

    public Builder toBuilder() {
        Builder builder = new Builder().retentionDays(retentionDays).window(window).snapshotIdentifier(snapshotIdentifier)
                .exportObjectLock(exportObjectLock).accessLogRetentionDays(accessLogRetentionDays).disasterRecovery(disasterRecovery);
        builder.exportLifecycle = exportLifecycle.toBuilder();
        return builder;
    }

    /** Builds a {@link BackupConfig}; all but the snapshot, the Object Lock and disaster recovery are required. */
    public static final class Builder {
        private Integer retentionDays;
        private String window;
        private String snapshotIdentifier;
        private BackupBucketLifecycle.Builder exportLifecycle = new BackupBucketLifecycle.Builder();
        private ObjectLock exportObjectLock;
        private Integer accessLogRetentionDays;
        private DisasterRecoveryConfig disasterRecovery;

        /** Copies of AWS Backup recovery points in a second region, e.g. {@code new DisasterRecoveryConfig("eu-central-1", 35, 365)}; null for none. */
        public Builder disasterRecovery(DisasterRecoveryConfig recovery) {
            disasterRecovery = recovery;
            return this;
        }

        public Builder exportObjectLock(ObjectLock lock) {
            exportObjectLock = lock;
            return this;
        }

        public Builder accessLogRetentionDays(int days) {
            accessLogRetentionDays = days;
            return this;
        }

        Builder() {
        }

        public Builder retentionDays(int days) {
            retentionDays = days;
            return this;
        }

        public Builder window(String utcRange) {
            window = utcRange;
            return this;
        }

        public Builder snapshotIdentifier(String snapshot) {
            snapshotIdentifier = snapshot;
            return this;
        }

        public Builder exportLifecycle(UnaryOperator<BackupBucketLifecycle.Builder> changes) {
            exportLifecycle = changes.apply(exportLifecycle);
            return this;
        }

        public BackupConfig build() {
            return new BackupConfig(Required.of("database.backups.retentionDays", retentionDays),
                    Required.of("database.backups.window", window), snapshotIdentifier, exportLifecycle.build(), exportObjectLock,
                    Required.of("database.backups.accessLogRetentionDays", accessLogRetentionDays), disasterRecovery);
        }
    }
}
