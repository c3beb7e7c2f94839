package com.storefront.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storefront.platform.config.AlarmThresholds;
import com.storefront.platform.config.DatabaseConfig;
import com.storefront.platform.config.InstanceClass;
import com.storefront.platform.config.InvalidConfigException;
import com.storefront.platform.config.Tier;
import com.storefront.platform.testing.TestStacks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InstanceAlarmsTest {

    private static final long GIB = 1024L * 1024 * 1024;

    @Test
    void alarmsWhenFreeableMemoryFallsBelowATenthOfAnEightGibClass() {
        Map<String, AlarmSpec> alarms = alarms(Tier.STAGING, d -> d, "db.m6g.large", false);

        AlarmSpec memory = alarms.get("FreeableMemory");
        assertEquals(Math.floor(8 * GIB * 0.10), memory.threshold());
        assertEquals("LessThanThreshold", memory.comparison());
    }

    @Test
    void followsAnOverriddenMemoryShare() {
        Map<String, AlarmSpec> alarms = alarms(Tier.PROD, d -> d.observability(o -> o.alarms(a -> a.freeableMemoryShare(0.25))), "db.r6g.large", false);

        assertEquals(Math.floor(16 * GIB * 0.25), alarms.get("FreeableMemory").threshold());
    }

    @Test
    void neverLetsFreeStorageFallBelowTenGibOnASmallVolume() {
        Map<String, AlarmSpec> alarms = alarms(Tier.STAGING, d -> d.storage(st -> st.allocatedGib(50).maxAllocatedGib(200)), "db.m6g.large", false);

        assertEquals(10 * GIB, (long) alarms.get("FreeStorageSpace").threshold());
    }

    @Test
    void alarmsOnATenthOfALargeVolume() {
        Map<String, AlarmSpec> alarms = alarms(Tier.PROD, d -> d.storage(st -> st.allocatedGib(1000).maxAllocatedGib(2000)), "db.r6g.large", false);

        assertEquals(100 * GIB, (long) alarms.get("FreeStorageSpace").threshold());
    }

    @Test
    void alarmsOnConnectionsAboveEightyPercentOfTheParameterGroupsMaxConnections() {
        Map<String, AlarmSpec> alarms = alarms(Tier.PROD, d -> d, "db.r6g.large", false);

        assertEquals(1802, new PostgresParameters(InstanceClass.of("t", "db.r6g.large")).maxConnections());
        assertEquals(Math.floor(1802 * 0.8), alarms.get("DatabaseConnections").threshold());
    }

    @Test
    void givesEveryInstanceItsAlarmsWithNamesThatSayWhatFired() {
        Set<String> primary = new TreeSet<>(alarms(Tier.DEV, d -> d, "db.t4g.medium", false).values().stream().map(AlarmSpec::name).toList());
        Set<String> replica = new TreeSet<>(alarms(Tier.PROD, d -> d, "db.r6g.large", true).values().stream().map(AlarmSpec::name).toList());

        assertEquals(new TreeSet<>(List.of("cpu-high", "freeable-memory-low", "free-storage-low", "connections-high", "read-latency-high",
                "write-latency-high", "disk-queue-high", "transaction-ids-high", "cpu-credits-low").stream()
                .map(kind -> "storefront-dev-postgres-" + kind).toList()), primary);
        assertEquals(new TreeSet<>(List.of("cpu-high", "freeable-memory-low", "free-storage-low", "connections-high", "read-latency-high",
                "write-latency-high", "disk-queue-high", "replica-lag-high").stream()
                .map(kind -> "storefront-prod-postgres-" + kind).toList()), replica);
    }

    @Test
    void watchesCpuCreditsOnlyOnBurstableClasses() {
        assertTrue(alarms(Tier.DEV, d -> d, "db.t4g.medium", false).containsKey("CPUCreditBalance"));
        assertFalse(alarms(Tier.STAGING, d -> d, "db.m6g.large", false).containsKey("CPUCreditBalance"));
    }

    @Test
    void watchesReplicaLagOnlyOnReplicasAndTransactionIdsOnlyOnThePrimary() {
        Map<String, AlarmSpec> primary = alarms(Tier.PROD, d -> d, "db.r6g.large", false);
        Map<String, AlarmSpec> replica = alarms(Tier.PROD, d -> d, "db.r6g.large", true);

        assertFalse(primary.containsKey("ReplicaLag"));
        assertTrue(replica.containsKey("ReplicaLag"));
        assertEquals("breaching", replica.get("ReplicaLag").treatMissingData(), "a replica that stops reporting lag has stopped replicating");
        assertTrue(primary.containsKey("MaximumUsedTransactionIDs"));
        assertFalse(replica.containsKey("MaximumUsedTransactionIDs"));
    }

    @Test
    void judgesReplicaLagByItsLowestPointOverTenMinutesSoRdsHeartbeatsOnAnIdlePrimaryNeverPage() {
        AlarmSpec lag = alarms(Tier.PROD, d -> d, "db.r6g.large", true).get("ReplicaLag");
        AlarmSpec cpu = alarms(Tier.PROD, d -> d, "db.r6g.large", true).get("CPUUtilization");

        assertEquals(List.of("Minimum", 600, 1, 60.0), List.of(lag.statistic(), lag.periodSeconds(), lag.evaluationPeriods(), lag.threshold()));
        assertEquals(List.of(60, 5), List.of(cpu.periodSeconds(), cpu.evaluationPeriods()), "the other alarms keep the environment's window");
    }

    @Test
    void neverJudgesReplicaLagOverLessThanTheEnvironmentsPeriod() {
        AlarmSpec lag = alarms(Tier.PROD, d -> d.observability(o -> o.alarms(a -> a.periodSeconds(3600).evaluationPeriods(2))), "db.r6g.large", true)
                .get("ReplicaLag");

        assertEquals(List.of(3600, 1), List.of(lag.periodSeconds(), lag.evaluationPeriods()));
    }

    @Test
    void neverAlarmsOnAProxiedPrimaryBelowWhatTheProxysPoolMayOpen() {
        UnaryOperator<DatabaseConfig.Builder> fullerPool = d -> d.proxy(p -> p.maxConnectionsPercent(90));

        AlarmSpec primary = alarms(Tier.PROD, fullerPool, "db.r6g.large", false).get("DatabaseConnections");
        AlarmSpec replica = alarms(Tier.PROD, fullerPool, "db.r6g.large", true).get("DatabaseConnections");

        assertEquals(List.of(1621.0, 1441.0), List.of(primary.threshold(), replica.threshold()), "90% and 80% of 1802");
        assertTrue(primary.description().contains("more than the RDS Proxy's pool may open (90%)"), primary.description());
    }

    @Test
    void alarmsOnAProxiedPrimaryAtTheConfiguredShareWhereThePoolMayFillEverySlotLeftToOthersThanSuperusers() {
        AlarmSpec whole = alarms(Tier.PROD, d -> d.proxy(p -> p.maxConnectionsPercent(100)), "db.r6g.large", false).get("DatabaseConnections");
        AlarmSpec nearlyWhole = alarms(Tier.PROD, d -> d.proxy(p -> p.maxConnectionsPercent(99)), "db.r6g.large", false).get("DatabaseConnections");

        // 1802 connections at most, of which PostgreSQL keeps the last 3 for superusers.
        assertEquals(1441.0, whole.threshold(), "80% of 1802: above 1802 no count can go");
        assertTrue(whole.description().contains("the RDS Proxy's pool may open nearly all of them (100%)"), whole.description());
        assertEquals(1783.0, nearlyWhole.threshold(), "99% of 1802, below the 1799 slots others than superusers may hold");
    }

    @Test
    void alarmsOnAProxiedPrimaryAtTheConfiguredShareWhereThePoolStaysBelowIt() {
        AlarmSpec primary = alarms(Tier.PROD, d -> d, "db.r6g.large", false).get("DatabaseConnections");

        assertEquals(1441.0, primary.threshold(), "80% of 1802, above the pool's 75%");
    }

    @Test
    void describesWhatToDoInEveryAlarm() {
        for (AlarmSpec alarm : alarms(Tier.DEV, d -> d, "db.t4g.medium", false).values()) {
            assertTrue(alarm.description().length() > 40 && alarm.description().contains("storefront-dev-postgres"), alarm.toString());
        }
    }

    @Test
    void rejectsAShareOutsideZeroToOne() {
        AlarmThresholds.Builder thresholds = TestStacks.environment("prod").database().observability().alarms().toBuilder();

        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> thresholds.freeableMemoryShare(1.5).build());

        assertEquals("database.observability.alarms.freeableMemoryShare must be a share between 0 and 1 (exclusive), like 0.1, got 1.5", error.getMessage());
    }

    @Test
    void rejectsANonPositivePeriod() {
        AlarmThresholds.Builder thresholds = TestStacks.environment("prod").database().observability().alarms().toBuilder();

        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> thresholds.periodSeconds(0).build());

        assertTrue(error.getMessage().startsWith("database.observability.alarms.periodSeconds must be a positive multiple of 60"), error.getMessage());
    }

    private static Map<String, AlarmSpec> alarms(Tier tier, UnaryOperator<DatabaseConfig.Builder> overrides, String className, boolean replica) {
        DatabaseConfig config = TestStacks.environment(tier, d -> overrides.apply(d.instanceClass(className))).database();
        DatabaseInstance instance = new DatabaseInstance("storefront-" + tier.name().toLowerCase() + "-postgres",
                InstanceClass.of("t", className), replica, null);
        List<AlarmSpec> specs = InstanceAlarms.of(instance, config);
        return specs.stream().collect(Collectors.toMap(AlarmSpec::metric, a -> a));
    }
}
