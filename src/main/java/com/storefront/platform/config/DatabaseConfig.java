package com.storefront.platform.config;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The PostgreSQL service of one environment: its instances and their parts. Build it through
 * {@link EnvironmentConfig.Builder#database}; every environment starts from its tier's row of
 * {@link Environments#defaults}.
 *
 * @param engineMajorVersion PostgreSQL major version only, one RDS offers in standard support; minor versions upgrade
 *     automatically
 * @param allowMajorVersionUpgrade whether a changed major version may be applied
 * @param instanceClass the primary's class
 * @param replicaInstanceClass the read replicas' class. Default: the primary's
 * @param multiAz whether the primary has a synchronous standby in another zone
 * @param readReplicas read replicas, each in its own zone, 0..15 (RDS's limit; the zones bound it first)
 * @param caCertificate the server certificate authority, one RDS offers today
 * @param maintenanceWindow weekly UTC maintenance window, ddd:hh24:mi-ddd:hh24:mi (days in any case, kept in lowercase), 30 minutes
 *     to 24 hours long, apart from the backup window
 * @param protect deletion protection, a final snapshot and {@code prevent_destroy} on the instances, their log groups,
 *     key, secret and backup bucket
 * @param storage gp3 storage of every instance
 * @param backups automated backups, seeding and exports
 * @param observability insights, metrics, logs and alarms
 * @param access IAM database users and the bastion
 * @param credentials the master user, its password and the database name
 * @param proxy an RDS Proxy pooling the writer's connections
 * @param applyImmediately whether changes apply at the next deploy instead of in the maintenance window (class,
 *     storage, Multi-AZ, engine, CA, parameter group, identifier); a password rotation always applies at once
 * @param blueGreenUpdate whether changes that would restart the primary (a major version, a class) go through an RDS
 *     Blue/Green deployment instead; it needs automated backups, and sets {@code rds.logical_replication = 1} unless
 *     {@code extraParameters} sets it: RDS copies a major version upgrade to the green instance by logical replication
 *     only (a class change by physical replication, which needs neither)
 * @param extraParameters PostgreSQL parameters set beside the tuned ones (e.g. {@code rds.logical_replication = 1}),
 *     applied at the next reboot; none may be one the tuning computes
 */
public record DatabaseConfig(
        String engineMajorVersion,
        boolean allowMajorVersionUpgrade,
        InstanceClass instanceClass,
        InstanceClass replicaInstanceClass,
        boolean multiAz,
        int readReplicas,
        String caCertificate,
        String maintenanceWindow,
        boolean protect,
        StorageConfig storage,
        BackupConfig backups,
        ObservabilityConfig observability,
        AccessConfig access,
        CredentialsConfig credentials,
        ProxyConfig proxy,
        boolean applyImmediately,
        boolean blueGreenUpdate,
        SortedMap<String, String> extraParameters) {

    /** The static parameter that lets RDS replicate logically, which a Blue/Green major version upgrade needs. */
    public static final String LOGICAL_REPLICATION = "rds.logical_replication";

    /**
     * The parameters the tuning computes ({@code database.PostgresParameters}, whose test keeps the two in step); an
     * extra parameter may not set them.
     */
    public static final SortedSet<String> COMPUTED_PARAMETERS = Collections.unmodifiableSortedSet(new TreeSet<>(List.of(
            "autovacuum_work_mem", "effective_cache_size", "log_connections", "log_disconnections", "log_min_duration_statement", "log_statement",
            "maintenance_work_mem", "max_connections", "pg_stat_statements.track", "pg_stat_statements.track_utility", "pgaudit.log", "rds.force_ssl",
            "shared_buffers",
            "shared_preload_libraries", "work_mem")));

    /** A PostgreSQL parameter name, with a prefix for extensions' and RDS's own ({@code rds.logical_replication}). */
    private static final Pattern PARAMETER_NAME = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    /** AWS Backup starts no backup of an RDS instance in this many minutes before its maintenance window. */
    private static final int BACKUP_PAUSE_BEFORE_MAINTENANCE_MINUTES = 60;

    /** The read replicas RDS allows one PostgreSQL instance; each also needs a zone of its own here. */
    static final int MAX_READ_REPLICAS = 15;

    /**
     * The PostgreSQL major versions RDS offers in standard support. Past its RDS end of standard support a major
     * version is still offered, but only in RDS Extended Support: the CreateDBInstance API enrols a new instance in it
     * by default ({@code EngineLifecycleSupport = open-source-rds-extended-support}) and bills it per vCPU-hour, with
     * nothing in the plan to say so. 11, 12 and 13 left standard support on 2024-02-29, 2025-02-28 and 2026-02-28;
     * 14 leaves it on 2027-02-28: remove each version on its date. Source: the RDS for PostgreSQL release calendar
     * (https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html);
     * refresh with {@code aws rds describe-db-major-engine-versions --engine postgres}, keeping the versions whose
     * {@code open-source-rds-standard-support} lifecycle has not ended. 18 is generally available from 18.1.
     */
    static final SortedSet<String> MAJOR_VERSIONS = Collections.unmodifiableSortedSet(new TreeSet<>(List.of("14", "15", "16", "17", "18")));

    /**
     * The certificate authorities RDS signs server certificates with today; rds-ca-2019 expired in August 2024
     * (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL-certificate-rotation.html). Refresh
     * with {@code aws rds describe-certificates --query "Certificates[].[CertificateIdentifier,ValidTill]"}.
     */
    static final SortedSet<String> CA_CERTIFICATES = Collections.unmodifiableSortedSet(
            new TreeSet<>(List.of("rds-ca-ecc384-g1", "rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1")));

    public DatabaseConfig {
        extraParameters = Collections.unmodifiableSortedMap(new TreeMap<>(extraParameters));
        // RDS and the provider take the day names in any case and report them in lowercase.
        maintenanceWindow = maintenanceWindow == null ? null : maintenanceWindow.toLowerCase(Locale.ROOT);
        requireStandardSupport(engineMajorVersion);
        if (caCertificate == null || !CA_CERTIFICATES.contains(caCertificate)) {
            throw new InvalidConfigException("database.caCertificate", caCertificate,
                    "must be a certificate authority RDS offers, one of " + CA_CERTIFICATES
                            + " (rds-ca-2019 expired in August 2024); rds-ca-rsa2048-g1 is RDS's default");
        }
        if (readReplicas < 0 || readReplicas > MAX_READ_REPLICAS) {
            throw new InvalidConfigException("database.readReplicas", readReplicas,
                    "must be 0.." + MAX_READ_REPLICAS + " (RDS's limit of read replicas per instance)");
        }
        if (readReplicas > 0 && backups.retentionDays() == 0) {
            throw new InvalidConfigException("database.backups.retentionDays", 0,
                    "must be 1..35 days with read replicas (" + readReplicas + "): RDS creates a replica only of an instance with"
                            + " automated backups, which 0 turns off; keep 7 days");
        }
        if (readReplicas > 0 && credentials.masterPassword() instanceof MasterPassword.RdsManaged) {
            throw new InvalidConfigException("database.credentials.masterPassword", "RdsManaged",
                    "cannot be RDS-managed with read replicas (AWS does not support managed master passwords on a replica source); use MasterPassword.WriteOnly");
        }
        if (access.roles().stream().anyMatch(role -> role.name().equals(credentials.masterUsername()))) {
            throw new InvalidConfigException("database.access.roles", credentials.masterUsername(),
                    "must not include the master user; IAM authentication is for application roles: rename the role or the master user");
        }
        if (protect && observability.alarmEmails().isEmpty()) {
            throw new InvalidConfigException("database.observability.alarmEmails", observability.alarmEmails(),
                    "must name at least one address where the environment is protected, or no alarm pages anyone; add"
                            + " .database(d -> d.observability(o -> o.alarmEmails(\"oncall@example.com\"))) to its entry in Environments");
        }
        if (blueGreenUpdate && readReplicas > 0) {
            // AWS copies same-region replicas into the green environment, but after the switchover the provider deletes
            // only the old primary: the old replicas would stay running, and the replica resources would follow them.
            throw new InvalidConfigException("database.blueGreenUpdate", true,
                    "cannot be used with read replicas (" + readReplicas + "): after the switchover Terraform deletes only the old"
                            + " primary, and the replicas it manages would be the old, renamed ones AWS leaves running; turn it off,"
                            + " or remove the replicas");
        }
        if (blueGreenUpdate && backups.retentionDays() == 0) {
            throw new InvalidConfigException("database.backups.retentionDays", 0,
                    "must be 1..35 days with database.blueGreenUpdate: RDS creates a Blue/Green deployment only of an instance with"
                            + " automated backups, which 0 turns off; keep 7 days, or turn blueGreenUpdate off");
        }
        if (blueGreenUpdate && extraParameters.containsKey(LOGICAL_REPLICATION) && !"1".equals(extraParameters.get(LOGICAL_REPLICATION))) {
            throw new InvalidConfigException("database.extraParameters." + LOGICAL_REPLICATION, extraParameters.get(LOGICAL_REPLICATION),
                    "must be 1 with database.blueGreenUpdate: RDS moves the data of a major version upgrade to the green instance"
                            + " by logical replication, and refuses to create the deployment without it; remove the extra parameter"
                            + " (blueGreenUpdate sets it to 1), or turn blueGreenUpdate off");
        }
        if (blueGreenUpdate && credentials.masterPassword() instanceof MasterPassword.RdsManaged) {
            throw new InvalidConfigException("database.blueGreenUpdate", true,
                    "cannot be used with an RDS-managed master password (AWS does not support it); use MasterPassword.WriteOnly");
        }
        for (Map.Entry<String, String> parameter : extraParameters.entrySet()) {
            String field = "database.extraParameters." + parameter.getKey();
            if (!PARAMETER_NAME.matcher(parameter.getKey()).matches()) {
                throw new InvalidConfigException("database.extraParameters", parameter.getKey(),
                        "must be PostgreSQL parameter names, lowercase like rds.logical_replication or idle_session_timeout");
            }
            if (COMPUTED_PARAMETERS.contains(parameter.getKey())) {
                throw new InvalidConfigException(field, parameter.getValue(),
                        "collides with a value the tuning computes (" + COMPUTED_PARAMETERS + "); change the tuning's input"
                                + " (instance class, slow query threshold) instead, or remove it");
            }
            if (parameter.getValue() == null || parameter.getValue().isBlank()) {
                throw new InvalidConfigException(field, parameter.getValue(), "must have a value");
            }
        }
        int[] backup = MaintenanceWindows.daily("database.backups.window", backups.window());
        int[] maintenance = MaintenanceWindows.weekly("database.maintenanceWindow", maintenanceWindow);
        if (MaintenanceWindows.overlap(backup, maintenance)) {
            throw new InvalidConfigException("database.maintenanceWindow", maintenanceWindow,
                    "must not overlap the backup window " + backups.window() + "; move one of them");
        }
        if (backups.disasterRecovery() != null) {
            requireFreeDisasterRecoveryStart(backup, maintenance, backups.window(), maintenanceWindow);
        }
    }

    /**
     * AWS Backup's snapshots start in a fixed window, and RDS takes none while it takes its own backup, nor (AWS Backup's
     * guide to plan options) during the maintenance window or in the hour before it: a window meeting the start window
     * would fail the disaster-recovery backup every day (or every week) without a word at deploy.
     */
    private static void requireFreeDisasterRecoveryStart(int[] backup, int[] maintenance, String backupWindow, String maintenanceWindow) {
        int start = DisasterRecoveryConfig.START_HOUR_UTC * 60;
        int[] startWindow = {start, start + DisasterRecoveryConfig.START_WINDOW_MINUTES};
        String free = String.format("%02d:00-%02d:%02d UTC", DisasterRecoveryConfig.START_HOUR_UTC, startWindow[1] / 60, startWindow[1] % 60);
        String lost = ", so the copy in the recovery region would not be made; move the window";
        if (MaintenanceWindows.overlap(startWindow, backup)) {
            throw new InvalidConfigException("database.backups.window", backupWindow, "must leave " + free + " free: AWS Backup starts the"
                    + " disaster-recovery snapshots then, and RDS takes no snapshot during its own backup" + lost);
        }
        // A job kept from starting is retried until its start window closes: only the window itself, or a pause that
        // already holds at the scheduled start and lasts into maintenance, keeps it from starting at all.
        int[] scheduledStart = {start, start + 1};
        int[] pauseAndMaintenance = {maintenance[0] - BACKUP_PAUSE_BEFORE_MAINTENANCE_MINUTES, maintenance[1]};
        if (MaintenanceWindows.overlap(startWindow, maintenance) || MaintenanceWindows.overlap(scheduledStart, pauseAndMaintenance)) {
            throw new InvalidConfigException("database.maintenanceWindow", maintenanceWindow, "must neither meet " + free
                    + " nor begin within the hour after " + String.format("%02d:00", DisasterRecoveryConfig.START_HOUR_UTC)
                    + ", on its days: AWS Backup starts the disaster-recovery snapshots then, and starts none during maintenance or"
                    + " in the hour before it" + lost);
        }
    }

    private static void requireStandardSupport(String version) {
        if (version != null && MAJOR_VERSIONS.contains(version)) {
            return;
        }
        if (version != null && version.matches("\\d{1,3}") && Integer.parseInt(version) < Integer.parseInt(MAJOR_VERSIONS.first())) {
            throw new InvalidConfigException("database.engineMajorVersion", version,
                    "must be a PostgreSQL major version in RDS standard support, one of " + MAJOR_VERSIONS + ": past its end of"
                            + " standard support RDS enrols a new instance in paid RDS Extended Support without asking; choose a newer"
                            + " major version");
        }
        throw new InvalidConfigException("database.engineMajorVersion", version,
                "must be a PostgreSQL major version only (one of " + MAJOR_VERSIONS + "); minor versions upgrade automatically");
    }

    /** The parameters set beside the tuned ones: {@code extraParameters}, and logical replication with Blue/Green updates. */
    public SortedMap<String, String> addedParameters() {
        if (!blueGreenUpdate) {
            return extraParameters;
        }
        SortedMap<String, String> added = new TreeMap<>(extraParameters);
        added.putIfAbsent(LOGICAL_REPLICATION, "1");
        return Collections.unmodifiableSortedMap(added);
    }

    /** The parameter group family of the major version, e.g. {@code postgres16}. */
    public String parameterGroupFamily() {
        return "postgres" + engineMajorVersion;
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
        b.caCertificate = caCertificate;
        b.maintenanceWindow = maintenanceWindow;
        b.protect = protect;
        b.storage = storage.toBuilder();
        b.backups = backups.toBuilder();
        b.observability = observability.toBuilder();
        b.access = access.toBuilder();
        b.credentials = credentials.toBuilder();
        b.proxy = proxy.toBuilder();
        b.applyImmediately = applyImmediately;
        b.blueGreenUpdate = blueGreenUpdate;
        b.extraParameters = new TreeMap<>(extraParameters);
        return b;
    }

    /** Builds a {@link DatabaseConfig}; all but the replica class are required. */
    public static final class Builder {
        private String engineMajorVersion;
        private Boolean allowMajorVersionUpgrade;
        private String instanceClass;
        private String replicaInstanceClass;
        private Boolean multiAz;
        private Integer readReplicas;
        private String caCertificate;
        private String maintenanceWindow;
        private Boolean protect;
        private StorageConfig.Builder storage = new StorageConfig.Builder();
        private BackupConfig.Builder backups = new BackupConfig.Builder();
        private ObservabilityConfig.Builder observability = new ObservabilityConfig.Builder();
        private AccessConfig.Builder access = new AccessConfig.Builder();
        private CredentialsConfig.Builder credentials = new CredentialsConfig.Builder();
        private ProxyConfig.Builder proxy = new ProxyConfig.Builder();
        private Boolean applyImmediately;
        private Boolean blueGreenUpdate;
        private SortedMap<String, String> extraParameters = new TreeMap<>();

        Builder() {
        }

        public Builder engineMajorVersion(String version) { engineMajorVersion = version; return this; }
        public Builder allowMajorVersionUpgrade(boolean allow) { allowMajorVersionUpgrade = allow; return this; }
        public Builder instanceClass(String name) { instanceClass = name; return this; }
        public Builder replicaInstanceClass(String name) { replicaInstanceClass = name; return this; }
        public Builder multiAz(boolean enabled) { multiAz = enabled; return this; }
        public Builder readReplicas(int replicas) { readReplicas = replicas; return this; }
        public Builder caCertificate(String identifier) { caCertificate = identifier; return this; }
        public Builder maintenanceWindow(String window) { maintenanceWindow = window; return this; }
        public Builder protect(boolean enabled) { protect = enabled; return this; }
        public Builder storage(UnaryOperator<StorageConfig.Builder> changes) { storage = changes.apply(storage); return this; }
        public Builder backups(UnaryOperator<BackupConfig.Builder> changes) { backups = changes.apply(backups); return this; }
        public Builder observability(UnaryOperator<ObservabilityConfig.Builder> changes) { observability = changes.apply(observability); return this; }
        public Builder access(UnaryOperator<AccessConfig.Builder> changes) { access = changes.apply(access); return this; }
        public Builder credentials(UnaryOperator<CredentialsConfig.Builder> changes) { credentials = changes.apply(credentials); return this; }
        public Builder proxy(UnaryOperator<ProxyConfig.Builder> changes) { proxy = changes.apply(proxy); return this; }
        public Builder applyImmediately(boolean enabled) { applyImmediately = enabled; return this; }
        public Builder blueGreenUpdate(boolean enabled) { blueGreenUpdate = enabled; return this; }
        public Builder extraParameter(String name, String value) {
            if (name == null) {
                throw new InvalidConfigException("database.extraParameters", value, "must be set under a parameter name, not null");
            }
            extraParameters.put(name, value);
            return this;
        }

        public DatabaseConfig build() {
            InstanceClass primary = InstanceClass.of("database.instanceClass", Required.of("database.instanceClass", instanceClass));
            InstanceClass replica = replicaInstanceClass == null ? primary : InstanceClass.of("database.replicaInstanceClass", replicaInstanceClass);
            return new DatabaseConfig(Required.of("database.engineMajorVersion", engineMajorVersion),
                    Required.of("database.allowMajorVersionUpgrade", allowMajorVersionUpgrade), primary, replica,
                    Required.of("database.multiAz", multiAz), Required.of("database.readReplicas", readReplicas),
                    Required.of("database.caCertificate", caCertificate), Required.of("database.maintenanceWindow", maintenanceWindow),
                    Required.of("database.protect", protect), storage.build(), backups.build(), observability.build(), access.build(),
                    credentials.build(), proxy.build(), Required.of("database.applyImmediately", applyImmediately),
                    Required.of("database.blueGreenUpdate", blueGreenUpdate), extraParameters);
        }
    }
}
