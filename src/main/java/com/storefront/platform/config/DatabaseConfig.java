package com.storefront.platform.config;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The PostgreSQL service of one environment. Build it through {@link EnvironmentConfig.Builder#database},
 * which starts from {@link Builder#defaultsFor(Tier)}.
 *
 * @param engineMajorVersion PostgreSQL major version; minor versions upgrade automatically. Default: 16
 * @param allowMajorVersionUpgrade whether a changed major version may be applied. Default: false
 * @param instanceClass the primary's class. Default: db.t4g.medium in dev, db.m6g.large in staging, db.r6g.large in prod
 * @param replicaInstanceClass the read replicas' class. Default: the primary's
 * @param multiAz whether the primary has a synchronous standby in another zone. Default: off in dev, on elsewhere
 * @param readReplicas read replicas, each in its own zone. Default: 0 in dev, 1 in staging, 2 in prod
 * @param allocatedStorageGib gp3 storage at creation. Default: 20, 50, 100 GiB
 * @param maxAllocatedStorageGib the storage autoscaling ceiling. Default: 100, 200, 1000 GiB
 * @param iops provisioned gp3 IOPS, only from 400 GiB. Default: none (the gp3 baseline)
 * @param storageThroughputMibps provisioned gp3 throughput, only from 400 GiB. Default: none (the gp3 baseline)
 * @param masterPassword how the master password is made and kept out of state. Default: write-only, version 1
 * @param masterUsername the master user; never a well-known name. Default: storefront_admin
 * @param databaseName the database created at launch. Default: storefront
 * @param caCertificate the server certificate authority. Default: rds-ca-rsa2048-g1
 * @param backupRetentionDays automated backup retention, 7..35. Default: 7, 7, 14
 * @param backupWindow daily UTC backup window. Default: 03:00-04:00
 * @param maintenanceWindow weekly UTC maintenance window, apart from the backup window. Default: sun:04:30-sun:05:30
 * @param performanceInsightsRetentionDays 7 (free) or a multiple of 31 up to 731. Default: 7, 7, 31
 * @param monitoringIntervalSeconds enhanced monitoring granularity: 1, 5, 10, 15, 30 or 60. Default: 60, 60, 15
 * @param logRetentionDays retention of the exported PostgreSQL logs. Default: 7, 30, 90
 * @param slowQueryMillis statements slower than this are logged. Default: 500
 * @param protect deletion protection, a final snapshot and {@code prevent_destroy} on the instances, key,
 *     secret and backup bucket. Default: off in dev (one-command teardown), on elsewhere
 * @param snapshotIdentifier create the primary from this snapshot (e.g. seed staging from a dev snapshot);
 *     later changes are ignored, never a replacement. Default: none (an empty database)
 * @param backupLifecycle storage classes and expiry in the backup bucket. Default: {@link BackupBucketLifecycle#DEFAULT}
 * @param alarms alarm thresholds. Default: {@link AlarmThresholds#DEFAULT}
 * @param alarmEmails addresses subscribed to the environment's alarm topic. Default: none
 * @param iamDatabaseUsers database users applications may log in as with IAM tokens. Default: storefront_app
 * @param bastion whether operators get an SSM-only bastion for port forwarding. Default: off in dev, on elsewhere
 */
public record DatabaseConfig(
        String engineMajorVersion,
        boolean allowMajorVersionUpgrade,
        InstanceClass instanceClass,
        InstanceClass replicaInstanceClass,
        boolean multiAz,
        int readReplicas,
        int allocatedStorageGib,
        int maxAllocatedStorageGib,
        Integer iops,
        Integer storageThroughputMibps,
        MasterPassword masterPassword,
        String masterUsername,
        String databaseName,
        String caCertificate,
        int backupRetentionDays,
        String backupWindow,
        String maintenanceWindow,
        int performanceInsightsRetentionDays,
        int monitoringIntervalSeconds,
        int logRetentionDays,
        int slowQueryMillis,
        boolean protect,
        String snapshotIdentifier,
        BackupBucketLifecycle backupLifecycle,
        AlarmThresholds alarms,
        List<String> alarmEmails,
        List<String> iamDatabaseUsers,
        boolean bastion) {

    /** RDS allows up to 15 PostgreSQL replicas; past five, a cluster design serves better than this one. */
    static final int MAX_READ_REPLICAS = 5;

    /** gp3 on RDS PostgreSQL takes IOPS and throughput only from this size up. */
    static final int GP3_PROVISIONING_MIN_GIB = 400;

    private static final Set<String> MAJOR_VERSIONS = Set.of("13", "14", "15", "16", "17");
    private static final Set<String> RESERVED_USERNAMES = Set.of("postgres", "admin", "root", "rdsadmin", "rdsrepladmin", "master", "user");
    private static final Set<Integer> MONITORING_INTERVALS = Set.of(1, 5, 10, 15, 30, 60);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public DatabaseConfig {
        alarmEmails = List.copyOf(alarmEmails);
        iamDatabaseUsers = List.copyOf(iamDatabaseUsers);
        for (String email : alarmEmails) {
            if (!EMAIL.matcher(email).matches()) {
                throw new InvalidConfigException("database.alarmEmails", email, "must be e-mail addresses like dba@example.com");
            }
        }
        for (String user : iamDatabaseUsers) {
            if (!IDENTIFIER.matcher(user).matches() || user.equals(masterUsername)) {
                throw new InvalidConfigException("database.iamDatabaseUsers", user,
                        "must be lowercase database user names other than the master user");
            }
        }
        if (iamDatabaseUsers.isEmpty()) {
            throw new InvalidConfigException("database.iamDatabaseUsers", iamDatabaseUsers, "must name at least one application user");
        }
        if (!MAJOR_VERSIONS.contains(engineMajorVersion)) {
            throw new InvalidConfigException("database.engineMajorVersion", engineMajorVersion,
                    "must be a PostgreSQL major version only (one of " + MAJOR_VERSIONS + "); minor versions upgrade automatically");
        }
        if (readReplicas < 0 || readReplicas > MAX_READ_REPLICAS) {
            throw new InvalidConfigException("database.readReplicas", readReplicas, "must be 0.." + MAX_READ_REPLICAS);
        }
        if (readReplicas > 0 && masterPassword instanceof MasterPassword.RdsManaged) {
            throw new InvalidConfigException("database.masterPassword", "RdsManaged",
                    "cannot be RDS-managed with read replicas (AWS does not support managed master passwords on a replica source); use MasterPassword.WriteOnly");
        }
        if (allocatedStorageGib < 20 || allocatedStorageGib > 65536) {
            throw new InvalidConfigException("database.allocatedStorageGib", allocatedStorageGib, "must be 20..65536 GiB for gp3");
        }
        if (maxAllocatedStorageGib < allocatedStorageGib || maxAllocatedStorageGib > 65536) {
            throw new InvalidConfigException("database.maxAllocatedStorageGib", maxAllocatedStorageGib,
                    "must be between allocatedStorageGib (" + allocatedStorageGib + ") and 65536 GiB");
        }
        if ((iops != null || storageThroughputMibps != null) && allocatedStorageGib < GP3_PROVISIONING_MIN_GIB) {
            throw new InvalidConfigException(iops != null ? "database.iops" : "database.storageThroughputMibps",
                    iops != null ? iops : storageThroughputMibps,
                    "can only be set from " + GP3_PROVISIONING_MIN_GIB + " GiB of gp3 storage (allocatedStorageGib is "
                            + allocatedStorageGib + "); remove it or allocate at least " + GP3_PROVISIONING_MIN_GIB + " GiB");
        }
        if (iops != null && (iops < 12000 || iops > 64000)) {
            throw new InvalidConfigException("database.iops", iops, "must be 12000..64000 for gp3 from 400 GiB");
        }
        if (storageThroughputMibps != null && (storageThroughputMibps < 500 || storageThroughputMibps > 4000)) {
            throw new InvalidConfigException("database.storageThroughputMibps", storageThroughputMibps, "must be 500..4000 MiB/s for gp3 from 400 GiB");
        }
        if (masterUsername == null || !IDENTIFIER.matcher(masterUsername).matches() || RESERVED_USERNAMES.contains(masterUsername)) {
            throw new InvalidConfigException("database.masterUsername", masterUsername,
                    "must be a lowercase identifier that is not a well-known name " + RESERVED_USERNAMES);
        }
        if (databaseName == null || !IDENTIFIER.matcher(databaseName).matches()) {
            throw new InvalidConfigException("database.databaseName", databaseName, "must be a lowercase identifier like storefront");
        }
        if (readReplicas > 0 && backupRetentionDays < 1) {
            throw new InvalidConfigException("database.backupRetentionDays", backupRetentionDays,
                    "must be at least 1 because read replicas need automated backups on the primary");
        }
        if (backupRetentionDays < 7 || backupRetentionDays > 35) {
            throw new InvalidConfigException("database.backupRetentionDays", backupRetentionDays, "must be 7..35 days");
        }
        int[] backup = MaintenanceWindows.daily("database.backupWindow", backupWindow);
        int[] maintenance = MaintenanceWindows.weekly("database.maintenanceWindow", maintenanceWindow);
        if (MaintenanceWindows.overlap(backup, maintenance)) {
            throw new InvalidConfigException("database.maintenanceWindow", maintenanceWindow,
                    "must not overlap the backup window " + backupWindow + "; move one of them");
        }
        if (!(performanceInsightsRetentionDays == 7
                || (performanceInsightsRetentionDays % 31 == 0 && performanceInsightsRetentionDays >= 31 && performanceInsightsRetentionDays <= 713)
                || performanceInsightsRetentionDays == 731)) {
            throw new InvalidConfigException("database.performanceInsightsRetentionDays", performanceInsightsRetentionDays,
                    "must be 7, a multiple of 31 up to 713, or 731");
        }
        if (!MONITORING_INTERVALS.contains(monitoringIntervalSeconds)) {
            throw new InvalidConfigException("database.monitoringIntervalSeconds", monitoringIntervalSeconds,
                    "must be one of 1, 5, 10, 15, 30, 60");
        }
        LogRetention.requireValid("database.logRetentionDays", logRetentionDays);
        if (slowQueryMillis < 1) {
            throw new InvalidConfigException("database.slowQueryMillis", slowQueryMillis, "must be a positive number of milliseconds");
        }
        if (snapshotIdentifier != null && snapshotIdentifier.isBlank()) {
            throw new InvalidConfigException("database.snapshotIdentifier", snapshotIdentifier, "must be a snapshot name or ARN, or left unset");
        }
    }

    /** A builder holding every value of this config, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.engineMajorVersion = engineMajorVersion;
        b.allowMajorVersionUpgrade = allowMajorVersionUpgrade;
        b.instanceClass = instanceClass.name();
        b.replicaInstanceClass = replicaInstanceClass.name();
        b.multiAz = multiAz;
        b.readReplicas = readReplicas;
        b.allocatedStorageGib = allocatedStorageGib;
        b.maxAllocatedStorageGib = maxAllocatedStorageGib;
        b.iops = iops;
        b.storageThroughputMibps = storageThroughputMibps;
        b.masterPassword = masterPassword;
        b.masterUsername = masterUsername;
        b.databaseName = databaseName;
        b.caCertificate = caCertificate;
        b.backupRetentionDays = backupRetentionDays;
        b.backupWindow = backupWindow;
        b.maintenanceWindow = maintenanceWindow;
        b.performanceInsightsRetentionDays = performanceInsightsRetentionDays;
        b.monitoringIntervalSeconds = monitoringIntervalSeconds;
        b.logRetentionDays = logRetentionDays;
        b.slowQueryMillis = slowQueryMillis;
        b.protect = protect;
        b.snapshotIdentifier = snapshotIdentifier;
        b.backupLifecycle = backupLifecycle;
        b.alarms = alarms;
        b.alarmEmails = alarmEmails;
        b.iamDatabaseUsers = iamDatabaseUsers;
        b.bastion = bastion;
        return b;
    }

    /** The parameter group family of the major version, e.g. {@code postgres16}. */
    public String parameterGroupFamily() {
        return "postgres" + engineMajorVersion;
    }

    /**
     * Builds a {@link DatabaseConfig} from a tier's defaults; every setter overrides one default.
     */
    public static final class Builder {
        private String engineMajorVersion = "16";
        private boolean allowMajorVersionUpgrade;
        private String instanceClass;
        private String replicaInstanceClass;
        private boolean multiAz;
        private int readReplicas;
        private int allocatedStorageGib;
        private int maxAllocatedStorageGib;
        private Integer iops;
        private Integer storageThroughputMibps;
        private MasterPassword masterPassword = new MasterPassword.WriteOnly(1);
        private String masterUsername = "storefront_admin";
        private String databaseName = "storefront";
        private String caCertificate = "rds-ca-rsa2048-g1";
        private int backupRetentionDays = 7;
        private String backupWindow = "03:00-04:00";
        private String maintenanceWindow = "sun:04:30-sun:05:30";
        private int performanceInsightsRetentionDays = 7;
        private int monitoringIntervalSeconds = 60;
        private int logRetentionDays;
        private int slowQueryMillis = 500;
        private boolean protect;
        private String snapshotIdentifier;
        private BackupBucketLifecycle backupLifecycle = BackupBucketLifecycle.DEFAULT;
        private AlarmThresholds alarms = AlarmThresholds.DEFAULT;
        private List<String> alarmEmails = List.of();
        private List<String> iamDatabaseUsers = List.of("storefront_app");
        private boolean bastion = true;

        private Builder() {
        }

        /** The defaults of {@code tier}: the one place they are decided. */
        public static Builder defaultsFor(Tier tier) {
            Builder b = new Builder();
            switch (tier) {
                case DEV -> {
                    b.instanceClass = "db.t4g.medium";
                    b.multiAz = false;
                    b.readReplicas = 0;
                    b.allocatedStorageGib = 20;
                    b.maxAllocatedStorageGib = 100;
                    b.logRetentionDays = 7;
                    b.protect = false;
                    b.bastion = false;
                }
                case STAGING -> {
                    b.instanceClass = "db.m6g.large";
                    b.multiAz = true;
                    b.readReplicas = 1;
                    b.allocatedStorageGib = 50;
                    b.maxAllocatedStorageGib = 200;
                    b.logRetentionDays = 30;
                    b.protect = true;
                }
                case PROD -> {
                    b.instanceClass = "db.r6g.large";
                    b.multiAz = true;
                    b.readReplicas = 2;
                    b.allocatedStorageGib = 100;
                    b.maxAllocatedStorageGib = 1000;
                    b.backupRetentionDays = 14;
                    b.performanceInsightsRetentionDays = 31;
                    b.monitoringIntervalSeconds = 15;
                    b.logRetentionDays = 90;
                    b.protect = true;
                }
                default -> throw new IllegalStateException("no database defaults for " + tier);
            }
            return b;
        }

        public Builder engineMajorVersion(String version) { engineMajorVersion = version; return this; }
        public Builder allowMajorVersionUpgrade(boolean allow) { allowMajorVersionUpgrade = allow; return this; }
        public Builder instanceClass(String name) { instanceClass = name; return this; }
        public Builder replicaInstanceClass(String name) { replicaInstanceClass = name; return this; }
        public Builder multiAz(boolean enabled) { multiAz = enabled; return this; }
        public Builder readReplicas(int replicas) { readReplicas = replicas; return this; }
        public Builder storage(int allocatedGib, int maxAllocatedGib) { allocatedStorageGib = allocatedGib; maxAllocatedStorageGib = maxAllocatedGib; return this; }
        public Builder iops(Integer provisioned) { iops = provisioned; return this; }
        public Builder storageThroughputMibps(Integer mibps) { storageThroughputMibps = mibps; return this; }
        public Builder masterPassword(MasterPassword password) { masterPassword = password; return this; }
        public Builder masterUsername(String username) { masterUsername = username; return this; }
        public Builder databaseName(String name) { databaseName = name; return this; }
        public Builder caCertificate(String identifier) { caCertificate = identifier; return this; }
        public Builder backupRetentionDays(int days) { backupRetentionDays = days; return this; }
        public Builder backupWindow(String window) { backupWindow = window; return this; }
        public Builder maintenanceWindow(String window) { maintenanceWindow = window; return this; }
        public Builder performanceInsightsRetentionDays(int days) { performanceInsightsRetentionDays = days; return this; }
        public Builder monitoringIntervalSeconds(int seconds) { monitoringIntervalSeconds = seconds; return this; }
        public Builder logRetentionDays(int days) { logRetentionDays = days; return this; }
        public Builder slowQueryMillis(int millis) { slowQueryMillis = millis; return this; }
        public Builder protect(boolean enabled) { protect = enabled; return this; }
        public Builder snapshotIdentifier(String snapshot) { snapshotIdentifier = snapshot; return this; }
        public Builder backupLifecycle(BackupBucketLifecycle lifecycle) { backupLifecycle = lifecycle; return this; }
        public Builder alarms(AlarmThresholds thresholds) { alarms = thresholds; return this; }
        public Builder alarmEmails(String... emails) { alarmEmails = List.of(emails); return this; }
        public Builder iamDatabaseUsers(String... users) { iamDatabaseUsers = List.of(users); return this; }
        public Builder bastion(boolean enabled) { bastion = enabled; return this; }

        public DatabaseConfig build() {
            InstanceClass primary = InstanceClass.of("database.instanceClass", instanceClass);
            InstanceClass replica = replicaInstanceClass == null ? primary : InstanceClass.of("database.replicaInstanceClass", replicaInstanceClass);
            return new DatabaseConfig(engineMajorVersion, allowMajorVersionUpgrade, primary, replica, multiAz, readReplicas,
                    allocatedStorageGib, maxAllocatedStorageGib, iops, storageThroughputMibps, masterPassword, masterUsername,
                    databaseName, caCertificate, backupRetentionDays, backupWindow, maintenanceWindow,
                    performanceInsightsRetentionDays, monitoringIntervalSeconds, logRetentionDays, slowQueryMillis, protect,
                    snapshotIdentifier, backupLifecycle, alarms, alarmEmails, iamDatabaseUsers, bastion);
        }
    }
}
