package com.storefront.platform.config;

/**
 * When the database pages someone. Shares are of what the instance has (memory of its class, allocated
 * storage, {@code max_connections} as the parameter group sets it), so thresholds follow the size.
 * Defaults: {@link Environments#defaults}.
 *
 * @param cpuPercent CPU utilisation above this, in percent
 * @param freeableMemoryShare freeable memory below this share of the class's memory
 * @param freeStorageShare free storage below this share of allocated storage, and never below 10 GiB
 * @param connectionsShare connections above this share of {@code max_connections}
 * @param readLatencyMillis average read latency above this
 * @param writeLatencyMillis average write latency above this
 * @param diskQueueDepth outstanding I/O requests above this
 * @param replicaLagSeconds replica lag above this throughout ten minutes (its minimum over them), replicas only
 * @param cpuCreditBalance CPU credits below this, burstable classes only
 * @param transactionIdsUsed {@code MaximumUsedTransactionIDs} above this; wraparound stops writes at about 2.1 billion
 * @param periodSeconds the period each datapoint covers, a multiple of 60
 * @param evaluationPeriods consecutive breaching periods before the alarm fires; together with the period at most one
 *     day, or seven days for periods of an hour or more
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

    private static final String FIELD = "database.observability.alarms.";

    public AlarmThresholds {
        if (cpuPercent <= 0 || cpuPercent > 100) {
            throw new InvalidConfigException(FIELD + "cpuPercent", cpuPercent, "must be 1..100");
        }
        requireShare("freeableMemoryShare", freeableMemoryShare);
        requireShare("freeStorageShare", freeStorageShare);
        requireShare("connectionsShare", connectionsShare);
        requirePositive("readLatencyMillis", readLatencyMillis);
        requirePositive("writeLatencyMillis", writeLatencyMillis);
        requirePositive("diskQueueDepth", diskQueueDepth);
        requirePositive("replicaLagSeconds", replicaLagSeconds);
        requirePositive("cpuCreditBalance", cpuCreditBalance);
        if (transactionIdsUsed <= 0 || transactionIdsUsed >= 2_000_000_000L) {
            throw new InvalidConfigException(FIELD + "transactionIdsUsed", transactionIdsUsed,
                    "must be positive and well below the 2^31 wraparound limit (under 2,000,000,000)");
        }
        if (periodSeconds < 60 || periodSeconds % 60 != 0) {
            // PutMetricAlarm also takes 10, 20 and 30 s, but only for high-resolution metrics; RDS publishes every 60 s.
            throw new InvalidConfigException(FIELD + "periodSeconds", periodSeconds,
                    "must be a positive multiple of 60 seconds (RDS publishes its metrics once a minute)");
        }
        requirePositive("evaluationPeriods", evaluationPeriods);
        // PutMetricAlarm: "Period multiplied by EvaluationPeriods can't be more than 604,800 seconds. For alarms with a
        // period of less than one hour (3,600 seconds), the total evaluation period can't be longer than one day."
        long maximumSeconds = periodSeconds < 3600 ? 86_400 : 604_800;
        if ((long) periodSeconds * evaluationPeriods > maximumSeconds) {
            throw new InvalidConfigException(FIELD + "evaluationPeriods", evaluationPeriods,
                    "must be at most " + maximumSeconds / periodSeconds + " with a period of " + periodSeconds + " s: CloudWatch refuses"
                            + " alarms that evaluate more than " + (maximumSeconds == 86_400 ? "one day (7 days for periods of an hour or more)"
                                    : "7 days") + "; shorten the period or the evaluation");
        }
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.cpuPercent = cpuPercent;
        b.freeableMemoryShare = freeableMemoryShare;
        b.freeStorageShare = freeStorageShare;
        b.connectionsShare = connectionsShare;
        b.readLatencyMillis = readLatencyMillis;
        b.writeLatencyMillis = writeLatencyMillis;
        b.diskQueueDepth = diskQueueDepth;
        b.replicaLagSeconds = replicaLagSeconds;
        b.cpuCreditBalance = cpuCreditBalance;
        b.transactionIdsUsed = transactionIdsUsed;
        b.periodSeconds = periodSeconds;
        b.evaluationPeriods = evaluationPeriods;
        return b;
    }

    private static void requireShare(String field, double share) {
        if (!(share > 0 && share < 1)) {
            throw new InvalidConfigException(FIELD + field, share, "must be a share between 0 and 1 (exclusive), like 0.1");
        }
    }

    private static void requirePositive(String field, long value) {
        if (value <= 0) {
            throw new InvalidConfigException(FIELD + field, value, "must be positive: the alarm fires when the metric crosses it");
        }
    }

    /** Builds {@link AlarmThresholds}; every value is required. */
    public static final class Builder {
        private Integer cpuPercent;
        private Double freeableMemoryShare;
        private Double freeStorageShare;
        private Double connectionsShare;
        private Integer readLatencyMillis;
        private Integer writeLatencyMillis;
        private Integer diskQueueDepth;
        private Integer replicaLagSeconds;
        private Integer cpuCreditBalance;
        private Long transactionIdsUsed;
        private Integer periodSeconds;
        private Integer evaluationPeriods;

        Builder() {
        }

        public Builder cpuPercent(int percent) { cpuPercent = percent; return this; }
        public Builder freeableMemoryShare(double share) { freeableMemoryShare = share; return this; }
        public Builder freeStorageShare(double share) { freeStorageShare = share; return this; }
        public Builder connectionsShare(double share) { connectionsShare = share; return this; }
        public Builder readLatencyMillis(int millis) { readLatencyMillis = millis; return this; }
        public Builder writeLatencyMillis(int millis) { writeLatencyMillis = millis; return this; }
        public Builder diskQueueDepth(int depth) { diskQueueDepth = depth; return this; }
        public Builder replicaLagSeconds(int seconds) { replicaLagSeconds = seconds; return this; }
        public Builder cpuCreditBalance(int credits) { cpuCreditBalance = credits; return this; }
        public Builder transactionIdsUsed(long ids) { transactionIdsUsed = ids; return this; }
        public Builder periodSeconds(int seconds) { periodSeconds = seconds; return this; }
        public Builder evaluationPeriods(int periods) { evaluationPeriods = periods; return this; }

        public AlarmThresholds build() {
            return new AlarmThresholds(Required.of(FIELD + "cpuPercent", cpuPercent),
                    Required.of(FIELD + "freeableMemoryShare", freeableMemoryShare),
                    Required.of(FIELD + "freeStorageShare", freeStorageShare),
                    Required.of(FIELD + "connectionsShare", connectionsShare),
                    Required.of(FIELD + "readLatencyMillis", readLatencyMillis),
                    Required.of(FIELD + "writeLatencyMillis", writeLatencyMillis),
                    Required.of(FIELD + "diskQueueDepth", diskQueueDepth),
                    Required.of(FIELD + "replicaLagSeconds", replicaLagSeconds),
                    Required.of(FIELD + "cpuCreditBalance", cpuCreditBalance),
                    Required.of(FIELD + "transactionIdsUsed", transactionIdsUsed),
                    Required.of(FIELD + "periodSeconds", periodSeconds),
                    Required.of(FIELD + "evaluationPeriods", evaluationPeriods));
        }
    }
}
