package com.storefront.platform.database;

import com.storefront.platform.config.AlarmThresholds;
import com.storefront.platform.config.DatabaseConfig;
import com.storefront.platform.config.ProxyConfig;
import com.storefront.platform.config.StorageConfig;
import java.util.ArrayList;
import java.util.List;

/** Derives each instance's alarms from its class and the environment's config. */
public final class InstanceAlarms {

    static final long GIB = 1024L * 1024 * 1024;
    /** Free storage never alarms later than this, however small the volume. */
    static final long MIN_FREE_STORAGE_BYTES = 10 * GIB;

    private static final String ABOVE = "GreaterThanThreshold";
    private static final String BELOW = "LessThanThreshold";
    // A silent metric means the instance is down or being replaced: RDS events report that, so most
    // alarms keep their state rather than page twice ("missing" would move them to INSUFFICIENT_DATA).
    private static final String KEEP_STATE = "ignore";

    /**
     * RDS reports a PostgreSQL replica's lag as the time since it last replayed a commit, and on an idle primary the only
     * commits are RDS's own heartbeats, about every five minutes: the lag then climbs to some 300 s and drops back, with
     * the replica fully caught up. Its lowest point over ten minutes, which spans a heartbeat, is the real lag.
     */
    static final int REPLICA_LAG_WINDOW_SECONDS = 600;

    /** PostgreSQL's default {@code superuser_reserved_connections}, which the parameter group leaves as it is. */
    private static final int SUPERUSER_RESERVED_CONNECTIONS = 3;

    private InstanceAlarms() {
    }

    /** Every alarm of {@code instance} of the database {@code config} describes, with its thresholds. */
    public static List<AlarmSpec> of(DatabaseInstance instance, DatabaseConfig config) {
        AlarmThresholds t = config.observability().alarms();
        StorageConfig storage = config.storage();
        int maxConnections = PostgresParameters.of(config).maxConnections();
        String id = instance.identifier();
        List<AlarmSpec> alarms = new ArrayList<>();
        alarms.add(alarm(t, id + "-cpu-high", "CPUUtilization", "Average", ABOVE, t.cpuPercent(), KEEP_STATE,
                "CPU above " + t.cpuPercent() + "% on " + id + ". Check Performance Insights for the top SQL; add a replica or scale the class."));
        alarms.add(alarm(t, id + "-freeable-memory-low", "FreeableMemory", "Average", BELOW, freeableMemoryBytes(instance, t), KEEP_STATE,
                "Freeable memory below " + percent(t.freeableMemoryShare()) + " of " + instance.instanceClass().name() + " on " + id
                        + ". Look for connection spikes or large work_mem sorts; scale the class if it persists."));
        alarms.add(alarm(t, id + "-free-storage-low", "FreeStorageSpace", "Minimum", BELOW, freeStorageBytes(storage, t), KEEP_STATE,
                "Free storage on " + id + " below " + freeStorageBytes(storage, t) / GIB + " GiB. "
                        + (storage.autoscales() ? "Autoscaling stops at " + storage.maxAllocatedGib() + " GiB: raise storage.maxAllocatedGib"
                                : "Storage autoscaling is off at " + storage.allocatedGib() + " GiB: raise storage.allocatedGib")
                        + " or remove bloat."));
        ProxyConfig proxy = config.proxy();
        boolean proxied = proxy.enabled() && !instance.replica();
        double poolShare = proxy.maxConnectionsPercent() / 100.0;
        // Behind an RDS Proxy, a primary's alarm never sits below the pool's ceiling, which the proxy may fill whenever the
        // load asks for it. A ceiling among the slots PostgreSQL keeps for superusers leaves no count above it that could
        // be reached: the alarm then watches the configured share, as without a proxy.
        boolean abovePool = proxied && Math.floor(maxConnections * poolShare) < maxConnections - SUPERUSER_RESERVED_CONNECTIONS;
        double connectionsShare = abovePool ? Math.max(t.connectionsShare(), poolShare) : t.connectionsShare();
        alarms.add(alarm(t, id + "-connections-high", "DatabaseConnections", "Maximum", ABOVE, Math.floor(maxConnections * connectionsShare),
                KEEP_STATE, "Connections on " + id + " above " + percent(connectionsShare) + " of max_connections (" + maxConnections + ")"
                        + (abovePool ? ", more than the RDS Proxy's pool may open (" + proxy.maxConnectionsPercent() + "%): something connects"
                                + " around the proxy or holds its connections; check pg_stat_activity by usename and client_addr."
                                : proxied ? ", where the RDS Proxy's pool may open nearly all of them (" + proxy.maxConnectionsPercent()
                                        + "%): check the proxy's DatabaseConnectionsBorrowLatency and pg_stat_activity by usename."
                                : ". Check for leaking pools; use a pooler such as RDS Proxy.")));
        alarms.add(alarm(t, id + "-read-latency-high", "ReadLatency", "Average", ABOVE, t.readLatencyMillis() / 1000.0, KEEP_STATE,
                "Read latency on " + id + " above " + t.readLatencyMillis() + " ms. Check IOPS against the gp3 baseline and cache hit ratio."));
        alarms.add(alarm(t, id + "-write-latency-high", "WriteLatency", "Average", ABOVE, t.writeLatencyMillis() / 1000.0, KEEP_STATE,
                "Write latency on " + id + " above " + t.writeLatencyMillis() + " ms. Check IOPS and throughput; provision gp3 IOPS from 400 GiB."));
        alarms.add(alarm(t, id + "-disk-queue-high", "DiskQueueDepth", "Average", ABOVE, t.diskQueueDepth(), KEEP_STATE,
                "Disk queue on " + id + " above " + t.diskQueueDepth() + ". Storage cannot keep up: find the heavy queries or provision IOPS."));
        if (instance.replica()) {
            alarms.add(new AlarmSpec(id + "-replica-lag-high", "ReplicaLag", "Minimum", ABOVE, t.replicaLagSeconds(), "breaching",
                    "Replica " + id + " has stayed more than " + t.replicaLagSeconds() + " s behind for " + REPLICA_LAG_WINDOW_SECONDS / 60
                            + " minutes (or replication stopped). Reads from it are stale: check long transactions on the primary and the"
                            + " replica's load.", Math.max(t.periodSeconds(), REPLICA_LAG_WINDOW_SECONDS), 1));
        }
        if (instance.instanceClass().burstable()) {
            alarms.add(alarm(t, id + "-cpu-credits-low", "CPUCreditBalance", "Minimum", BELOW, t.cpuCreditBalance(), KEEP_STATE,
                    "CPU credits on " + id + " below " + t.cpuCreditBalance() + ": RDS runs T3 and T4g classes unlimited, so its CPU"
                            + " beyond the baseline is now billed as surplus credits. Move to an m or r class if it persists."));
        }
        if (!instance.replica()) {
            alarms.add(alarm(t, id + "-transaction-ids-high", "MaximumUsedTransactionIDs", "Maximum", ABOVE, t.transactionIdsUsed(), KEEP_STATE,
                    "Transaction IDs used on " + id + " above " + t.transactionIdsUsed() + ". Wraparound stops all writes near 2.1 billion:"
                            + " find what blocks autovacuum (long transactions, abandoned replication slots) and VACUUM FREEZE."));
        }
        return alarms;
    }

    /** An alarm judged over the environment's period and number of periods. */
    private static AlarmSpec alarm(AlarmThresholds t, String name, String metric, String statistic, String comparison, double threshold,
            String treatMissingData, String description) {
        return new AlarmSpec(name, metric, statistic, comparison, threshold, treatMissingData, description, t.periodSeconds(),
                t.evaluationPeriods());
    }

    static double freeableMemoryBytes(DatabaseInstance instance, AlarmThresholds t) {
        return Math.floor(instance.instanceClass().memoryBytes() * t.freeableMemoryShare());
    }

    static long freeStorageBytes(StorageConfig storage, AlarmThresholds t) {
        return Math.max(MIN_FREE_STORAGE_BYTES, (long) (storage.allocatedGib() * GIB * t.freeStorageShare()));
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
