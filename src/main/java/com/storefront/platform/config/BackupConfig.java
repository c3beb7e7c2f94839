package com.storefront.platform.config;

import java.util.function.UnaryOperator;

/**
 * Automated backups, where a new primary comes from, and long-term exports. Defaults: {@link Environments#defaults}.
 *
 * @param retentionDays automated backup retention, 7..35 days
 * @param window the daily UTC backup window, hh24:mi-hh24:mi
 * @param snapshotIdentifier create the primary from this snapshot (e.g. seed staging from a dev snapshot); later
 *     changes are ignored, never a replacement; null for an empty database
 * @param exportLifecycle storage classes and expiry in the backup export bucket
 */
public record BackupConfig(int retentionDays, String window, String snapshotIdentifier, BackupBucketLifecycle exportLifecycle) {

    public BackupConfig {
        if (retentionDays < 7 || retentionDays > 35) {
            throw new InvalidConfigException("database.backups.retentionDays", retentionDays, "must be 7..35 days");
        }
        MaintenanceWindows.daily("database.backups.window", window);
        if (snapshotIdentifier != null && snapshotIdentifier.isBlank()) {
            throw new InvalidConfigException("database.backups.snapshotIdentifier", snapshotIdentifier, "must be a snapshot name or ARN, or left unset");
        }
    }

    public Builder toBuilder() {
        Builder builder = new Builder().retentionDays(retentionDays).window(window).snapshotIdentifier(snapshotIdentifier);
        builder.exportLifecycle = exportLifecycle.toBuilder();
        return builder;
    }

    /** Builds a {@link BackupConfig}; all but the snapshot are required. */
    public static final class Builder {
        private Integer retentionDays;
        private String window;
        private String snapshotIdentifier;
        private BackupBucketLifecycle.Builder exportLifecycle = new BackupBucketLifecycle.Builder();

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
                    Required.of("database.backups.window", window), snapshotIdentifier, exportLifecycle.build());
        }
    }
}
