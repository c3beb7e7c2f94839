package com.storefront.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseConfigTest {

    @Test
    void rejectsAnRdsManagedPasswordWithReplicas() {
        assertRejected(Tier.STAGING, d -> d.credentials(c -> c.masterPassword(new MasterPassword.RdsManaged()).rotationDays(null)),
                "environment 'staging': database.credentials.masterPassword cannot be RDS-managed with read replicas", "use MasterPassword.WriteOnly");
    }

    @Test
    void rejectsARotationScheduleForAnRdsManagedPassword() {
        assertRejected(Tier.DEV, d -> d.credentials(c -> c.masterPassword(new MasterPassword.RdsManaged()).rotationDays(30)),
                "environment 'dev': database.credentials.rotationDays must be null with MasterPassword.RdsManaged", "got 30");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1001})
    void rejectsARotationScheduleSecretsManagerRefuses(int days) {
        assertRejected(Tier.PROD, d -> d.credentials(c -> c.rotationDays(days)),
                "environment 'prod': database.credentials.rotationDays must be 1..1000 days", "got " + days);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 30, 1000})
    void acceptsEveryRotationScheduleSecretsManagerTakes(int days) {
        assertEquals(days, valid(Tier.PROD, d -> d.credentials(c -> c.rotationDays(days))).credentials().rotationDays());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 101})
    void rejectsAProxyPoolCeilingOutsideOneToAHundredPercent(int percent) {
        assertRejected(Tier.PROD, d -> d.proxy(p -> p.maxConnectionsPercent(percent).maxIdleConnectionsPercent(0)),
                "environment 'prod': database.proxy.maxConnectionsPercent must be 1..100", "got " + percent);
    }

    @Test
    void rejectsMoreIdleProxyConnectionsThanThePoolMayOpen() {
        assertRejected(Tier.PROD, d -> d.proxy(p -> p.maxConnectionsPercent(50).maxIdleConnectionsPercent(60)),
                "database.proxy.maxIdleConnectionsPercent must be 0..maxConnectionsPercent (50)", "got 60");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 301, 3600})
    void rejectsAProxyBorrowTimeoutRdsRefuses(int seconds) {
        assertRejected(Tier.PROD, d -> d.proxy(p -> p.connectionBorrowTimeoutSeconds(seconds)),
                "database.proxy.connectionBorrowTimeoutSeconds must be 0..300 seconds: RDS refuses a longer wait", "got " + seconds);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 28_801})
    void rejectsAProxyIdleClientTimeoutRdsRefuses(int seconds) {
        assertRejected(Tier.PROD, d -> d.proxy(p -> p.idleClientTimeoutSeconds(seconds)),
                "database.proxy.idleClientTimeoutSeconds must be 1..28800 seconds", "got " + seconds);
    }

    @Test
    void acceptsTheProxyLimitsAtTheEdgesOfWhatRdsTakes() {
        ProxyConfig proxy = valid(Tier.PROD, d -> d.proxy(p -> p.maxConnectionsPercent(100).maxIdleConnectionsPercent(100)
                .connectionBorrowTimeoutSeconds(0).idleClientTimeoutSeconds(28_800))).proxy();

        assertEquals(List.of(100, 100, 0, 28_800), List.of(proxy.maxConnectionsPercent(), proxy.maxIdleConnectionsPercent(),
                proxy.connectionBorrowTimeoutSeconds(), proxy.idleClientTimeoutSeconds()));
        assertEquals(300, valid(Tier.PROD, d -> d.proxy(p -> p.connectionBorrowTimeoutSeconds(300))).proxy().connectionBorrowTimeoutSeconds());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 36})
    void rejectsABackupRetentionOutsideWhatRdsTakes(int days) {
        assertRejected(Tier.DEV, d -> d.backups(b -> b.retentionDays(days)), "database.backups.retentionDays must be 0..35 days", "got " + days);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 6, 35})
    void acceptsEveryBackupRetentionRdsTakesWithoutReplicas(int days) {
        assertEquals(days, valid(Tier.DEV, d -> d.readReplicas(0).backups(b -> b.retentionDays(days))).backups().retentionDays());
    }

    @Test
    void rejectsMoreReadReplicasThanRdsAllows() {
        assertRejected(Tier.DEV, d -> d.readReplicas(16), "database.readReplicas must be 0..15 (RDS's limit of read replicas per instance)", "got 16");
    }

    @Test
    void rejectsReplicasOfAPrimaryWithoutAutomatedBackups() {
        assertRejected(Tier.STAGING, d -> d.readReplicas(1).backups(b -> b.retentionDays(0)),
                "environment 'staging': database.backups.retentionDays must be 1..35 days with read replicas (1)", "got 0");
    }

    @Test
    void rejectsAMaintenanceWindowOverlappingTheBackupWindow() {
        assertRejected(Tier.PROD, d -> d.backups(b -> b.window("03:00-04:00")).maintenanceWindow("sun:03:30-sun:04:30"),
                "database.maintenanceWindow must not overlap the backup window 03:00-04:00", "got 'sun:03:30-sun:04:30'");
    }

    @Test
    void rejectsAMaintenanceWindowOverlappingABackupWindowAcrossMidnight() {
        assertRejected(Tier.PROD, d -> d.backups(b -> b.window("23:30-00:30")).maintenanceWindow("mon:00:00-mon:01:00"),
                "database.maintenanceWindow must not overlap the backup window 23:30-00:30");
    }

    @Test
    void rejectsAMaintenanceWindowLongerThanADay() {
        assertRejected(Tier.PROD, d -> d.maintenanceWindow("sun:04:30-mon:04:31"),
                "environment 'prod': database.maintenanceWindow must be at most 24 hours long (RDS refuses a longer maintenance window);"
                        + " end it within a day of its start", "got 'sun:04:30-mon:04:31'");
    }

    @Test
    void acceptsTheLongestMaintenanceWindowBesideTheBackupWindowAcrossTheEndOfTheWeek() {
        assertEquals("sun:03:30-mon:03:00", valid(Tier.STAGING, d -> d.backups(b -> b.window("03:00-03:30"))
                .maintenanceWindow("sun:03:30-mon:03:00")).maintenanceWindow());
    }

    @Test
    void acceptsDayNamesInAnyCaseAndKeepsThemInLowercase() {
        assertEquals("sun:04:30-sun:05:30", valid(Tier.PROD, d -> d.maintenanceWindow("Sun:04:30-SUN:05:30")).maintenanceWindow());
    }

    @Test
    void rejectsABackupWindowWhereTheDisasterRecoverySnapshotsStart() {
        assertRejected(Tier.PROD, d -> d.backups(b -> b.window("05:45-06:15")),
                "environment 'prod': database.backups.window must leave 06:00-07:00 UTC free: AWS Backup starts the disaster-recovery"
                        + " snapshots then, and RDS takes no snapshot during its own backup", "got '05:45-06:15'");
    }

    @Test
    void rejectsAMaintenanceWindowWhereTheDisasterRecoverySnapshotsStart() {
        assertRejected(Tier.PROD, d -> d.maintenanceWindow("sun:05:00-sun:06:30"),
                "environment 'prod': database.maintenanceWindow must neither meet 06:00-07:00 UTC nor begin within the hour after"
                        + " 06:00, on its days: AWS Backup starts the disaster-recovery snapshots then, and starts none during maintenance or in"
                        + " the hour before it", "got 'sun:05:00-sun:06:30'");
    }

    @Test
    void rejectsAMaintenanceWindowWhoseHourBeforeHoldsTheDisasterRecoveryStartButNotOneBeginningLater() {
        assertRejected(Tier.PROD, d -> d.maintenanceWindow("sun:07:00-sun:07:30"),
                "database.maintenanceWindow must neither meet 06:00-07:00 UTC nor begin within the hour after 06:00", "got 'sun:07:00-sun:07:30'");

        // From 06:01 the snapshot's 06:00 start is free again; a start kept back later is retried within its window.
        assertEquals("sun:07:01-sun:07:31", valid(Tier.PROD, d -> d.maintenanceWindow("sun:07:01-sun:07:31")).maintenanceWindow());
    }

    @Test
    void acceptsWindowsBesideTheDisasterRecoveryStartAndAnyWindowsWithoutDisasterRecovery() {
        DatabaseConfig besideIt = valid(Tier.PROD, d -> d.backups(b -> b.window("07:00-07:30")).maintenanceWindow("sun:05:00-sun:06:00"));
        DatabaseConfig withoutIt = valid(Tier.STAGING, d -> d.backups(b -> b.window("06:00-06:30")).maintenanceWindow("sun:06:30-sun:07:00"));

        assertEquals(List.of("07:00-07:30", "06:00-06:30"), List.of(besideIt.backups().window(), withoutIt.backups().window()));
    }

    @Test
    void rejectsAMalformedBackupWindow() {
        assertRejected(Tier.DEV, d -> d.backups(b -> b.window("3am-4am")), "database.backups.window must be a UTC range hh24:mi-hh24:mi", "got '3am-4am'");
    }

    @Test
    void rejectsIopsBelowFourHundredGib() {
        assertRejected(Tier.PROD, d -> d.storage(s -> s.allocatedGib(100).maxAllocatedGib(1000).iops(12000)),
                "database.storage.iops can only be set from 400 GiB of gp3 storage (allocatedGib is 100)", "got 12000");
    }

    @Test
    void rejectsThroughputBelowFourHundredGib() {
        assertRejected(Tier.PROD, d -> d.storage(s -> s.throughputMibps(500)),
                "database.storage.throughputMibps can only be set from 400 GiB", "got 500");
    }

    @Test
    void rejectsMoreThroughputThanAQuarterOfTheBaselineIops() {
        assertRejected(Tier.PROD, d -> d.storage(s -> s.allocatedGib(400).maxAllocatedGib(1000).throughputMibps(4000)),
                "environment 'prod': database.storage.throughputMibps must be at most a quarter of the IOPS (gp3 allows 0.25 MiB/s per IOPS):"
                        + " with 12000 IOPS (the gp3 baseline) at most 3000 MiB/s; lower it or set iops to at least 16000", "got 4000");
    }

    @Test
    void rejectsMoreThroughputThanAQuarterOfTheProvisionedIops() {
        assertRejected(Tier.PROD, d -> d.storage(s -> s.allocatedGib(400).maxAllocatedGib(1000).iops(14000).throughputMibps(3501)),
                "database.storage.throughputMibps must be at most a quarter of the IOPS (gp3 allows 0.25 MiB/s per IOPS): with 14000 IOPS"
                        + " at most 3500 MiB/s; lower it or set iops to at least 14004", "got 3501");
    }

    @Test
    void acceptsThroughputUpToAQuarterOfTheIops() {
        StorageConfig baseline = valid(Tier.PROD, d -> d.storage(s -> s.allocatedGib(400).maxAllocatedGib(1000).throughputMibps(3000))).storage();
        StorageConfig provisioned = valid(Tier.PROD, d -> d.storage(s -> s.allocatedGib(400).maxAllocatedGib(1000).iops(16000)
                .throughputMibps(4000))).storage();

        assertEquals(List.of(3000, 4000), List.of(baseline.throughputMibps(), provisioned.throughputMibps()));
    }

    @Test
    void rejectsAPerformanceInsightsRetentionOfAHundredDays() {
        assertRejected(Tier.PROD, d -> d.observability(o -> o.performanceInsightsRetentionDays(100)),
                "database.observability.performanceInsightsRetentionDays must be 7, a multiple of 31 up to 713, or 731", "got 100");
    }

    @Test
    void rejectsMoreReplicasThanAvailabilityZones() {
        assertRejected(Tier.PROD, d -> d.readReplicas(4), "database.readReplicas must be at most the number of availability zones (3)", "got 4");
    }

    @Test
    void rejectsAWellKnownMasterUsername() {
        assertRejected(Tier.DEV, d -> d.credentials(c -> c.masterUsername("postgres")), "database.credentials.masterUsername must be a lowercase identifier that is not a well-known name", "got 'postgres'");
    }

    @Test
    void rejectsAFullEngineVersion() {
        assertRejected(Tier.DEV, d -> d.engineMajorVersion("16.3"), "database.engineMajorVersion must be a PostgreSQL major version only", "got '16.3'");
    }

    @Test
    void rejectsAnUnknownInstanceClass() {
        assertRejected(Tier.DEV, d -> d.instanceClass("db.x9.huge"), "database.instanceClass must be an RDS for PostgreSQL m, r or t class", "got 'db.x9.huge'");
    }

    @Test
    void rejectsABurstableClassInProduction() {
        assertRejected(Tier.PROD, d -> d.instanceClass("db.t4g.large"),
                "environment 'prod': database.instanceClass must not be a burstable db.t class in prod", "got 'db.t4g.large'");
    }

    @Test
    void rejectsABurstableReplicaClassInProduction() {
        assertRejected(Tier.PROD, d -> d.replicaInstanceClass("db.t4g.xlarge"),
                "environment 'prod': database.replicaInstanceClass must not be a burstable db.t class in prod", "got 'db.t4g.xlarge'");
    }

    @Test
    void rejectsAMaximumStorageBelowTheAllocatedStorage() {
        assertRejected(Tier.DEV, d -> d.storage(s -> s.allocatedGib(100).maxAllocatedGib(50)),
                "database.storage.maxAllocatedGib must be allocatedGib (100, storage autoscaling off) or at least 10% above it, so 110..65536 GiB",
                "got 50");
        assertRejected(Tier.DEV, d -> d.storage(s -> s.allocatedGib(60000).maxAllocatedGib(65536)),
                "database.storage.maxAllocatedGib must be allocatedGib (60000, storage autoscaling off) or at least 10% above it, so none"
                        + " here, as that passes gp3's 65536 GiB", "got 65536");
    }

    @Test
    void turnsStorageAutoscalingOffWhenTheCeilingIsTheAllocatedStorageTheOnlyWayAboveFiftyNineThousandGib() {
        StorageConfig off = valid(Tier.PROD, d -> d.storage(s -> s.allocatedGib(60000).maxAllocatedGib(60000))).storage();
        StorageConfig on = valid(Tier.PROD, d -> d.storage(s -> s.allocatedGib(100).maxAllocatedGib(110))).storage();

        assertEquals(List.of(false, true), List.of(off.autoscales(), on.autoscales()));
    }

    @Test
    void rejectsAnUnsupportedMonitoringInterval() {
        assertRejected(Tier.DEV, d -> d.observability(o -> o.monitoringIntervalSeconds(0)), "database.observability.monitoringIntervalSeconds must be one of 1, 5, 10, 15, 30, 60", "got 0");
    }

    @Test
    void rejectsAPasswordVersionBelowOne() {
        assertRejected(Tier.DEV, d -> d.credentials(c -> c.masterPassword(new MasterPassword.WriteOnly(0))), "database.credentials.masterPassword.version must be 1 or more", "got 0");
    }

    @Test
    void rejectsABackupLifecycleThatMovesToGlacierBeforeInfrequentAccess() {
        assertRejected(Tier.DEV, d -> d.backups(b -> b.exportLifecycle(l -> l.infrequentAccessAfterDays(60).glacierAfterDays(45))),
                "database.backups.exportLifecycle.glacierAfterDays must be after infrequentAccessAfterDays (60)", "got 45");
    }

    @Test
    void rejectsAMajorVersionPastRdsStandardSupport() {
        assertRejected(Tier.DEV, d -> d.engineMajorVersion("13"),
                "database.engineMajorVersion must be a PostgreSQL major version in RDS standard support, one of [14, 15, 16, 17, 18]",
                "paid RDS Extended Support", "choose a newer major version", "got '13'");
    }

    @Test
    void rejectsAMajorVersionRdsDoesNotOfferYet() {
        assertRejected(Tier.DEV, d -> d.engineMajorVersion("19"),
                "database.engineMajorVersion must be a PostgreSQL major version only (one of [14, 15, 16, 17, 18])", "got '19'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"14", "15", "16", "17", "18"})
    void acceptsEveryMajorVersionRdsOffersInStandardSupport(String version) {
        DatabaseConfig database = valid(Tier.DEV, d -> d.engineMajorVersion(version));

        assertEquals("postgres" + version, database.parameterGroupFamily());
    }

    @Test
    void rejectsACaCertificateRdsHasRetired() {
        assertRejected(Tier.PROD, d -> d.caCertificate("rds-ca-2019"),
                "database.caCertificate must be a certificate authority RDS offers, one of [rds-ca-ecc384-g1, rds-ca-rsa2048-g1, rds-ca-rsa4096-g1]",
                "rds-ca-2019 expired", "got 'rds-ca-2019'");
    }

    @Test
    void rejectsACaCertificateRdsNeverHad() {
        assertRejected(Tier.DEV, d -> d.caCertificate("rds-ca-rsa2048-g2"), "database.caCertificate must be a certificate authority RDS offers",
                "got 'rds-ca-rsa2048-g2'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"})
    void acceptsEveryCaCertificateRdsOffers(String authority) {
        assertEquals(authority, valid(Tier.PROD, d -> d.caCertificate(authority)).caCertificate());
    }

    @Test
    void rejectsAMasterUsernameLongerThanRdsAllows() {
        assertRejected(Tier.DEV, d -> d.credentials(c -> c.masterUsername("storefront_admins")),
                "database.credentials.masterUsername must be 1..16 lowercase letters, digits or underscores", "RDS allows at most 16 characters",
                "like storefront_admin", "got 'storefront_admins'");
    }

    @Test
    void rejectsAdminAsMasterUsername() {
        assertRejected(Tier.DEV, d -> d.credentials(c -> c.masterUsername("admin")),
                "database.credentials.masterUsername must be a lowercase identifier that is not a well-known name "
                        + "[admin, postgres, rds_ad, rds_iam, rds_password, rds_replication, rds_superuser, rdsadmin, rdsrepladmin, rdstopmgr]",
                "RDS refuses admin", "pick a name of your own", "got 'admin'");
    }

    @Test
    void rejectsAnRdsRoleAsMasterUsername() {
        assertRejected(Tier.DEV, d -> d.credentials(c -> c.masterUsername("rdsadmin")),
                "database.credentials.masterUsername must be a lowercase identifier that is not a well-known name", "got 'rdsadmin'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "select", "current_user"})
    void rejectsAReservedKeyWordAsMasterUsername(String keyWord) {
        assertRejected(Tier.DEV, d -> d.credentials(c -> c.masterUsername(keyWord)),
                "database.credentials.masterUsername must not be a PostgreSQL reserved key word", "like storefront_admin", "got '" + keyWord + "'");
    }

    @Test
    void rejectsAMasterUsernameWithThePgPrefix() {
        assertRejected(Tier.DEV, d -> d.credentials(c -> c.masterUsername("pg_admin")),
                "database.credentials.masterUsername must not start with pg_", "got 'pg_admin'");
    }

    @Test
    void rejectsARoleNamePostgresReserves() {
        assertRejected(Tier.DEV, d -> d.credentials(c -> c.masterUsername("public")),
                "database.credentials.masterUsername must not be one of [none, public]", "got 'public'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"master", "root", "left", "a", "storefront_admin"})
    void acceptsMasterUsernamesRdsAccepts(String username) {
        assertEquals(username, valid(Tier.DEV, d -> d.credentials(c -> c.masterUsername(username))).credentials().masterUsername());
    }

    @ParameterizedTest
    @ValueSource(strings = {"select", "left", "verbose"})
    void rejectsAKeyWordAsDatabaseName(String keyWord) {
        assertRejected(Tier.DEV, d -> d.credentials(c -> c.databaseName(keyWord)),
                "database.credentials.databaseName must not be a PostgreSQL key word reserved for names", "like storefront", "got '" + keyWord + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rdsadmin", "template0", "template1"})
    void rejectsADatabaseEveryRdsInstanceAlreadyHas(String database) {
        assertRejected(Tier.DEV, d -> d.credentials(c -> c.databaseName(database)),
                "database.credentials.databaseName must not be one of the databases every RDS for PostgreSQL instance already has "
                        + "[rdsadmin, template0, template1]", "got '" + database + "'");
    }

    @Test
    void acceptsPostgresAsDatabaseNameBecauseItIsTheOneRdsCreatesByDefault() {
        assertEquals("postgres", valid(Tier.DEV, d -> d.credentials(c -> c.databaseName("postgres"))).credentials().databaseName());
    }

    @Test
    void rejectsADatabaseNameLongerThanPostgresAllows() {
        String name = "s".repeat(64);

        assertRejected(Tier.DEV, d -> d.credentials(c -> c.databaseName(name)), "database.credentials.databaseName must be a lowercase identifier",
                "got '" + name + "'");
    }

    @Test
    void rejectsTheMasterUserAsAnApplicationRole() {
        assertRejected(Tier.DEV, d -> d.access(a -> a.roles(DatabaseRole.readWrite("storefront_admin"))),
                "environment 'dev': database.access.roles must not include the master user", "got 'storefront_admin'");
    }

    @Test
    void rejectsARoleNamedTwice() {
        assertRejected(Tier.DEV, d -> d.access(a -> a.roles(DatabaseRole.readWrite("storefront_app"), DatabaseRole.readOnly("storefront_app"))),
                "database.access.roles must name each role once", "got 'storefront_app'");
    }

    @Test
    void rejectsRolesWithoutOneThatWrites() {
        assertRejected(Tier.DEV, d -> d.access(a -> a.roles(DatabaseRole.readOnly("storefront_reader"))),
                "database.access.roles must include a READ_WRITE role for the application", "got [storefront_reader]");
    }

    @Test
    void takesTheFirstRoleThatWritesAsTheApplications() {
        AccessConfig access = valid(Tier.DEV, d -> d.access(a -> a.roles(DatabaseRole.readOnly("reporting"),
                DatabaseRole.readWrite("storefront_app"), DatabaseRole.readWrite("storefront_jobs")))).access();

        assertEquals("storefront_app", access.applicationRole().name());
    }

    @Test
    void rejectsAMaximumStorageLessThanTenPercentAboveTheAllocatedStorage() {
        assertRejected(Tier.DEV, d -> d.storage(s -> s.allocatedGib(25).maxAllocatedGib(27)),
                "database.storage.maxAllocatedGib must be allocatedGib (25, storage autoscaling off) or at least 10% above it, so 28..65536 GiB",
                "RDS storage autoscaling refuses a smaller ceiling; raise it, lower allocatedGib, or set it to allocatedGib", "got 27");
    }

    @Test
    void acceptsAMaximumStorageExactlyTenPercentAboveTheAllocatedStorage() {
        assertEquals(110, valid(Tier.DEV, d -> d.storage(s -> s.allocatedGib(100).maxAllocatedGib(110))).storage().maxAllocatedGib());
    }

    @Test
    void rejectsAGlacierTransitionLessThanThirtyDaysAfterInfrequentAccess() {
        assertRejected(Tier.DEV, d -> d.backups(b -> b.exportLifecycle(l -> l.infrequentAccessAfterDays(30).glacierAfterDays(59))),
                "database.backups.exportLifecycle.glacierAfterDays must be after infrequentAccessAfterDays (30) by at least 30 days, so 60 or more",
                "S3 refuses", "got 59");
    }

    @Test
    void acceptsAGlacierTransitionThirtyDaysAfterInfrequentAccess() {
        assertEquals(60, valid(Tier.DEV, d -> d.backups(b -> b.exportLifecycle(l -> l.infrequentAccessAfterDays(30).glacierAfterDays(60))))
                .backups().exportLifecycle().glacierAfterDays());
    }

    @Test
    void rejectsAlarmsEvaluatingMoreThanADayOfShortPeriods() {
        assertRejected(Tier.DEV, d -> d.observability(o -> o.alarms(a -> a.periodSeconds(60).evaluationPeriods(1441))),
                "database.observability.alarms.evaluationPeriods must be at most 1440 with a period of 60 s",
                "CloudWatch refuses alarms that evaluate more than one day", "shorten the period or the evaluation", "got 1441");
    }

    @Test
    void rejectsAlarmsEvaluatingMoreThanSevenDaysOfHourlyPeriods() {
        assertRejected(Tier.DEV, d -> d.observability(o -> o.alarms(a -> a.periodSeconds(3600).evaluationPeriods(169))),
                "database.observability.alarms.evaluationPeriods must be at most 168 with a period of 3600 s", "more than 7 days", "got 169");
    }

    @Test
    void acceptsAlarmsEvaluatingExactlySevenDays() {
        assertEquals(168, valid(Tier.DEV, d -> d.observability(o -> o.alarms(a -> a.periodSeconds(3600).evaluationPeriods(168))))
                .observability().alarms().evaluationPeriods());
    }

    @Test
    void rejectsASnapshotFromAnotherRegion() {
        assertRejected(Tier.STAGING, d -> d.backups(b -> b.snapshotIdentifier("arn:aws:rds:us-east-1:111111111111:snapshot:dev-seed")),
                "database.backups.snapshotIdentifier must be a snapshot in the environment's region eu-west-1",
                "aws rds copy-db-snapshot --source-region us-east-1 --region eu-west-1", "got 'arn:aws:rds:us-east-1:111111111111:snapshot:dev-seed'");
    }

    @Test
    void rejectsAClusterSnapshot() {
        assertRejected(Tier.STAGING, d -> d.backups(b -> b.snapshotIdentifier("arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:dev-seed")),
                "database.backups.snapshotIdentifier must be a DB snapshot, not a DB cluster snapshot",
                "got 'arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:dev-seed'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:rds:eu-west-1:1111:snapshot:dev-seed", "arn:aws-cn:rds:cn-north-1:111111111111:snapshot:dev-seed",
        "arn:aws:rds:eu-west-1:111111111111:db:storefront-dev-postgres", "arn:aws:rds:eu-west-1:111111111111:snapshot:dev--seed"})
    void rejectsAMalformedSnapshotArn(String arn) {
        assertRejected(Tier.STAGING, d -> d.backups(b -> b.snapshotIdentifier(arn)),
                "database.backups.snapshotIdentifier must be a DB snapshot ARN like arn:aws:rds:eu-west-1:111122223333:snapshot:dev-seed",
                "got '" + arn + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev--seed", "1-seed", "dev-seed-", "dev_seed", "rds:", "awsbackup:", "backup:job-1"})
    void rejectsASnapshotNameRdsCannotHave(String name) {
        assertRejected(Tier.STAGING, d -> d.backups(b -> b.snapshotIdentifier(name)),
                "database.backups.snapshotIdentifier must be a DB snapshot name (1..255 letters, digits or single hyphens", "got '" + name + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev-seed", "Dev-Seed-2026", "rds:storefront-dev-postgres-2026-01-01-03-00",
        "awsbackup:job-66de8820-dc2f-4948-9a1b-8c4d6a4e91b0", "awsbackup:copyjob-0f3c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
        "arn:aws:rds:eu-west-1:111111111111:snapshot:dev-seed", "arn:aws:rds:eu-west-1:111111111111:snapshot:rds:storefront-dev-postgres-2026-01-01-03-00",
        "arn:aws:rds:eu-west-1:111111111111:snapshot:awsbackup:job-66de8820-dc2f-4948-9a1b-8c4d6a4e91b0"})
    void acceptsTheSnapshotsRdsRestoresFrom(String snapshot) {
        assertEquals(snapshot, valid(Tier.STAGING, d -> d.backups(b -> b.snapshotIdentifier(snapshot))).backups().snapshotIdentifier());
    }

    @Test
    void rejectsTheSameAlarmAddressTwice() {
        assertRejected(Tier.PROD, d -> d.observability(o -> o.alarmEmails("dba@example.com", "oncall@example.com", "dba@example.com")),
                "database.observability.alarmEmails must not repeat an address", "remove the duplicate", "got 'dba@example.com'");
    }

    @Test
    void rejectsAnAlarmPeriodOnlyHighResolutionMetricsHave() {
        assertRejected(Tier.DEV, d -> d.observability(o -> o.alarms(a -> a.periodSeconds(30))),
                "database.observability.alarms.periodSeconds must be a positive multiple of 60 seconds", "RDS publishes its metrics once a minute",
                "got 30");
    }

    @Test
    void rejectsAProtectedEnvironmentWhoseAlarmsPageNobody() {
        assertRejected(Tier.PROD, d -> d.observability(o -> o.alarmEmails()),
                "database.observability.alarmEmails must name at least one address where the environment is protected",
                "add .database(d -> d.observability(o -> o.alarmEmails(\"oncall@example.com\")))", "got []");
    }

    @Test
    void acceptsAnUnprotectedEnvironmentWithoutAlarmAddresses() {
        DatabaseConfig dev = valid(Tier.DEV, d -> d.observability(o -> o.alarmEmails()));

        assertTrue(dev.observability().alarmEmails().isEmpty());
    }

    @Test
    void rejectsBlueGreenUpdatesWithReadReplicas() {
        assertRejected(Tier.PROD, d -> d.blueGreenUpdate(true),
                "database.blueGreenUpdate cannot be used with read replicas (2)", "old, renamed ones AWS leaves running",
                "turn it off, or remove the replicas", "got true");
    }

    @Test
    void rejectsBlueGreenUpdatesWithoutAutomatedBackups() {
        assertRejected(Tier.DEV, d -> d.blueGreenUpdate(true).backups(b -> b.retentionDays(0)),
                "environment 'dev': database.backups.retentionDays must be 1..35 days with database.blueGreenUpdate", "keep 7 days", "got 0");
    }

    @Test
    void rejectsBlueGreenUpdatesWithLogicalReplicationTurnedOff() {
        assertRejected(Tier.DEV, d -> d.blueGreenUpdate(true).extraParameter("rds.logical_replication", "0"),
                "environment 'dev': database.extraParameters.rds.logical_replication must be 1 with database.blueGreenUpdate",
                "remove the extra parameter (blueGreenUpdate sets it to 1)", "got '0'");
    }

    @Test
    void addsLogicalReplicationToTheParametersOnlyWithBlueGreenUpdates() {
        assertEquals(Map.of("rds.logical_replication", "1"), valid(Tier.DEV, d -> d.blueGreenUpdate(true)).addedParameters());
        assertEquals(Map.of("rds.logical_replication", "1"),
                valid(Tier.DEV, d -> d.blueGreenUpdate(true).extraParameter("rds.logical_replication", "1")).addedParameters());
        assertEquals(Map.of(), valid(Tier.DEV, d -> d).addedParameters());
        assertEquals(Map.of("idle_session_timeout", "3600000"),
                valid(Tier.DEV, d -> d.extraParameter("idle_session_timeout", "3600000")).addedParameters());
    }

    @Test
    void rejectsBlueGreenUpdatesWithAnRdsManagedPassword() {
        assertRejected(Tier.DEV, d -> d.blueGreenUpdate(true).credentials(c -> c.masterPassword(new MasterPassword.RdsManaged())),
                "database.blueGreenUpdate cannot be used with an RDS-managed master password", "use MasterPassword.WriteOnly");
    }

    @Test
    void acceptsBlueGreenUpdatesWithoutReplicas() {
        assertTrue(valid(Tier.DEV, d -> d.blueGreenUpdate(true)).blueGreenUpdate());
    }

    @Test
    void rejectsAnExtraParameterThatIsNotAParameterName() {
        assertRejected(Tier.DEV, d -> d.extraParameter("Log Statement", "all"),
                "database.extraParameters must be PostgreSQL parameter names", "got 'Log Statement'");
    }

    @Test
    void rejectsAnExtraParameterTheTuningComputes() {
        assertRejected(Tier.DEV, d -> d.extraParameter("shared_buffers", "65536"),
                "database.extraParameters.shared_buffers collides with a value the tuning computes", "got '65536'");
    }

    @Test
    void acceptsAnExtraParameterForChangeDataCapture() {
        assertEquals("1", valid(Tier.DEV, d -> d.extraParameter("rds.logical_replication", "1")).extraParameters().get("rds.logical_replication"));
    }

    @Test
    void rejectsAdvancedDatabaseInsightsWithoutFifteenMonthsOfPerformanceInsights() {
        assertRejected(Tier.PROD, d -> d.observability(o -> o.databaseInsightsMode(DatabaseInsightsMode.ADVANCED)),
                "database.observability.databaseInsightsMode needs performanceInsightsRetentionDays of at least 465 (got 31)", "got 'ADVANCED'");
    }

    @Test
    void acceptsAdvancedDatabaseInsightsWithFifteenMonthsOfPerformanceInsights() {
        DatabaseConfig prod = valid(Tier.PROD, d -> d.observability(o -> o.databaseInsightsMode(DatabaseInsightsMode.ADVANCED)
                .performanceInsightsRetentionDays(496)));

        assertEquals(DatabaseInsightsMode.ADVANCED, prod.observability().databaseInsightsMode());
    }

    @Test
    void rejectsAnObjectLockOfNoDays() {
        assertRejected(Tier.PROD, d -> d.backups(b -> b.exportObjectLock(new ObjectLock(ObjectLock.Mode.COMPLIANCE, 0))),
                "database.backups.exportObjectLock.retentionDays must be at least 1 day", "got 0");
    }

    @Test
    void rejectsAccessLogsKeptNoDay() {
        assertRejected(Tier.DEV, d -> d.backups(b -> b.accessLogRetentionDays(0)),
                "database.backups.accessLogRetentionDays must be at least 1 day", "got 0");
    }

    @Test
    void rejectsALogRetentionCloudWatchDoesNotOffer() {
        assertRejected(Tier.DEV, d -> d.observability(o -> o.logRetentionDays(4018)),
                "database.observability.logRetentionDays must be a CloudWatch Logs retention period (1, 3, 5, 7", "3288 or 3653 days)", "got 4018");
    }

    private static DatabaseConfig valid(Tier tier, UnaryOperator<DatabaseConfig.Builder> overrides) {
        String name = tier.name().toLowerCase();
        return EnvironmentConfig.builder(name, tier)
                .region("eu-west-1")
                .accountId("444444444444")
                .stateBucket("storefront-" + name + "-tfstate")
                .network(n -> n.vpcCidr("10.40.0.0/16"))
                .database(d -> d.observability(o -> o.alarmEmails("oncall@example.com")))
                .database(overrides)
                .build()
                .database();
    }

    private static void assertRejected(Tier tier, UnaryOperator<DatabaseConfig.Builder> overrides, String... fragments) {
        String name = tier.name().toLowerCase();
        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> EnvironmentConfig.builder(name, tier)
                .region("eu-west-1")
                .accountId("444444444444")
                .stateBucket("storefront-" + name + "-tfstate")
                .network(n -> n.vpcCidr("10.40.0.0/16"))
                .database(d -> d.observability(o -> o.alarmEmails("oncall@example.com")))
                .database(overrides)
                .build());
        for (String fragment : fragments) {
            assertTrue(error.getMessage().contains(fragment), "message should contain '" + fragment + "' but was: " + error.getMessage());
        }
        assertTrue(error.getMessage().startsWith("environment '" + name + "': "), error.getMessage());
    }
}
