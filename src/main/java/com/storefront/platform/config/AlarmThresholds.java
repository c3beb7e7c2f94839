package com.storefront.platform.config;

/**
 * When the database pages someone. Shares are of what the instance has (memory of its class, allocated
 * storage, {@code max_connections} as the parameter group sets it), so thresholds follow the size.
 *
 * @param cpuPercent CPU utilisation above this, in percent. Default: 80
 * @param freeableMemoryShare freeable memory below this share of the class's memory. Default: 0.10
 * @param freeStorageShare free storage below this share of allocated storage, and never below 10 GiB. Default: 0.10
 * @param connectionsShare connections above this share of {@code max_connections}. Default: 0.80
 * @param readLatencyMillis average read latency above this. Default: 20 ms
 * @param writeLatencyMillis average write latency above this. Default: 20 ms
 * @param diskQueueDepth outstanding I/O requests above this. Default: 20
 * @param replicaLagSeconds replica lag above this, replicas only. Default: 60 s
 * @param cpuCreditBalance CPU credits below this, burstable classes only. Default: 30
 * @param transactionIdsUsed {@code MaximumUsedTransactionIDs} above this; wraparound stops writes at about
 *     2.1 billion. Default: 1,000,000,000
 * @param periodSeconds the period each datapoint covers. Default: 60
 * @param evaluationPeriods consecutive breaching periods before the alarm fires. Default: 5
 */
public record AlarmThresholds(
        int cpuPercent,
        double freeableMemoryShare,
        double freeStorageShare,
        double connectionsShare,
        int readLatencyMillis,
        int writeLatencyMillis,
        int diskQueueDepth,
        int replicaLagSeconds,
        int cpuCreditBalance,
        long transactionIdsUsed,
        int periodSeconds,
        int evaluationPeriods) {

    public static final AlarmThresholds DEFAULT = new AlarmThresholds(80, 0.10, 0.10, 0.80, 20, 20, 20, 60, 30,
            1_000_000_000L, 60, 5);

    public AlarmThresholds {
        if (cpuPercent <= 0 || cpuPercent > 100) {
            throw new InvalidConfigException("database.alarms.cpuPercent", cpuPercent, "must be 1..100");
        }
        requireShare("database.alarms.freeableMemoryShare", freeableMemoryShare);
        requireShare("database.alarms.freeStorageShare", freeStorageShare);
        requireShare("database.alarms.connectionsShare", connectionsShare);
        requirePositive("database.alarms.readLatencyMillis", readLatencyMillis);
        requirePositive("database.alarms.writeLatencyMillis", writeLatencyMillis);
        requirePositive("database.alarms.diskQueueDepth", diskQueueDepth);
        requirePositive("database.alarms.replicaLagSeconds", replicaLagSeconds);
        requirePositive("database.alarms.cpuCreditBalance", cpuCreditBalance);
        if (transactionIdsUsed <= 0 || transactionIdsUsed >= 2_000_000_000L) {
            throw new InvalidConfigException("database.alarms.transactionIdsUsed", transactionIdsUsed,
                    "must be positive and well below the 2^31 wraparound limit (under 2,000,000,000)");
        }
        if (periodSeconds < 60 || periodSeconds % 60 != 0) {
            throw new InvalidConfigException("database.alarms.periodSeconds", periodSeconds, "must be a positive multiple of 60 seconds");
        }
        requirePositive("database.alarms.evaluationPeriods", evaluationPeriods);
    }

    /** A copy with {@code share} of memory as the freeable-memory threshold. */
    public AlarmThresholds withFreeableMemoryShare(double share) {
        return new AlarmThresholds(cpuPercent, share, freeStorageShare, connectionsShare, readLatencyMillis, writeLatencyMillis,
                diskQueueDepth, replicaLagSeconds, cpuCreditBalance, transactionIdsUsed, periodSeconds, evaluationPeriods);
    }

    /** A copy alerting above {@code percent} CPU. */
    public AlarmThresholds withCpuPercent(int percent) {
        return new AlarmThresholds(percent, freeableMemoryShare, freeStorageShare, connectionsShare, readLatencyMillis, writeLatencyMillis,
                diskQueueDepth, replicaLagSeconds, cpuCreditBalance, transactionIdsUsed, periodSeconds, evaluationPeriods);
    }

    private static void requireShare(String field, double share) {
        if (!(share > 0 && share < 1)) {
            throw new InvalidConfigException(field, share, "must be a share between 0 and 1 (exclusive), like 0.1");
        }
    }

    private static void requirePositive(String field, long value) {
        if (value <= 0) {
            throw new InvalidConfigException(field, value, "must be positive");
        }
    }
}
