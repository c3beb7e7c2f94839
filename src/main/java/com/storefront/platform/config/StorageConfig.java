package com.storefront.platform.config;

/**
 * The gp3 storage of every instance. Defaults: {@link Environments#defaults}.
 *
 * @param allocatedGib storage at creation
 * @param maxAllocatedGib the ceiling storage autoscaling grows to, on the primary and every replica: at least 10% above
 *     {@code allocatedGib}, as RDS requires; equal to {@code allocatedGib}, storage autoscaling is off (above 59578 GiB
 *     the only choice: no ceiling 10% higher fits under gp3's 65536)
 * @param iops provisioned IOPS, only from 400 GiB; null for the gp3 baseline
 * @param throughputMibps provisioned throughput, only from 400 GiB, at most a quarter of the IOPS (the provisioned ones, or
 *     the baseline's 12000); null for the gp3 baseline
 */
public record StorageConfig(int allocatedGib, int maxAllocatedGib, Integer iops, Integer throughputMibps) {

    /** gp3 on RDS PostgreSQL takes IOPS and throughput only from this size up. */
    static final int GP3_PROVISIONING_MIN_GIB = 400;

    /** The IOPS of gp3 from {@link #GP3_PROVISIONING_MIN_GIB} up when none are provisioned. */
    static final int GP3_BASELINE_IOPS = 12000;

    /** The throughput of gp3 from {@link #GP3_PROVISIONING_MIN_GIB} up when none is provisioned. */
    static final int GP3_BASELINE_THROUGHPUT_MIBPS = 500;

    public StorageConfig {
        if (allocatedGib < 20 || allocatedGib > 65536) {
            throw new InvalidConfigException("database.storage.allocatedGib", allocatedGib, "must be 20..65536 GiB for gp3");
        }
        // "You must set the maximum storage threshold to at least 10% more than the current allocated storage"
        // (RDS User Guide, storage autoscaling); RDS refuses a smaller one with "Invalid max storage size".
        int minimumMax = (allocatedGib * 11 + 9) / 10;
        if (maxAllocatedGib != allocatedGib && (maxAllocatedGib < minimumMax || maxAllocatedGib > 65536)) {
            throw new InvalidConfigException("database.storage.maxAllocatedGib", maxAllocatedGib,
                    "must be allocatedGib (" + allocatedGib + ", storage autoscaling off) or at least 10% above it, so "
                            + (minimumMax <= 65536 ? minimumMax + "..65536 GiB" : "none here, as that passes gp3's 65536 GiB")
                            + ": RDS storage autoscaling refuses a smaller ceiling; raise it, lower allocatedGib, or set it to allocatedGib");
        }
        if ((iops != null || throughputMibps != null) && allocatedGib < GP3_PROVISIONING_MIN_GIB) {
            throw new InvalidConfigException(iops != null ? "database.storage.iops" : "database.storage.throughputMibps",
                    iops != null ? iops : throughputMibps,
                    "can only be set from " + GP3_PROVISIONING_MIN_GIB + " GiB of gp3 storage (allocatedGib is "
                            + allocatedGib + "); remove it or allocate at least " + GP3_PROVISIONING_MIN_GIB + " GiB");
        }
        if (iops != null && (iops < 12000 || iops > 64000)) {
            throw new InvalidConfigException("database.storage.iops", iops, "must be 12000..64000 for gp3 from 400 GiB");
        }
        if (throughputMibps != null && (throughputMibps < 500 || throughputMibps > 4000)) {
            throw new InvalidConfigException("database.storage.throughputMibps", throughputMibps, "must be 500..4000 MiB/s for gp3 from 400 GiB");
        }
        // gp3 allows at most 0.25 MiB/s per IOPS: EBS's gp3 rule, which RDS reports for gp3 as MaxStorageThroughputPerIops
        // (aws rds describe-orderable-db-instance-options --engine postgres --db-instance-class <class> --query
        // "OrderableDBInstanceOptions[?StorageType=='gp3'].MaxStorageThroughputPerIops"), so 4000 MiB/s needs 16000 IOPS.
        int effectiveIops = iops != null ? iops : GP3_BASELINE_IOPS;
        if (throughputMibps != null && throughputMibps * 4L > effectiveIops) {
            throw new InvalidConfigException("database.storage.throughputMibps", throughputMibps, "must be at most a quarter of the IOPS"
                    + " (gp3 allows 0.25 MiB/s per IOPS): with " + effectiveIops + " IOPS" + (iops == null ? " (the gp3 baseline)" : "")
                    + " at most " + effectiveIops / 4 + " MiB/s; lower it or set iops to at least " + throughputMibps * 4);
        }
    }

    /**
     * The IOPS to send: {@link #iops} if provisioned; from 400 GiB without them, the gp3 baseline (12000) stated
     * outright, since growing an instance from below 400 GiB makes the provider send the 3000 IOPS it read before,
     * which RDS refuses at that size (InvalidParameterCombination); below 400 GiB none, as RDS takes none there.
     */
    public Integer iopsToSend() {
        return iops != null || allocatedGib < GP3_PROVISIONING_MIN_GIB ? iops : Integer.valueOf(GP3_BASELINE_IOPS);
    }

    /** The throughput to send, by the rule of {@link #iopsToSend}: from 400 GiB at least the gp3 baseline, 500 MiB/s. */
    public Integer throughputMibpsToSend() {
        return throughputMibps != null || allocatedGib < GP3_PROVISIONING_MIN_GIB ? throughputMibps : Integer.valueOf(GP3_BASELINE_THROUGHPUT_MIBPS);
    }

    /** Whether storage autoscaling grows the volume, up to {@link #maxAllocatedGib}. */
    public boolean autoscales() {
        return maxAllocatedGib != allocatedGib;
    }

    public Builder toBuilder() {
        return new Builder().allocatedGib(allocatedGib).maxAllocatedGib(maxAllocatedGib).iops(iops).throughputMibps(throughputMibps);
    }

    /** Builds a {@link StorageConfig}; allocated and maximum sizes are required. */
    public static final class Builder {
        private Integer allocatedGib;
        private Integer maxAllocatedGib;
        private Integer iops;
        private Integer throughputMibps;

        Builder() {
        }

        public Builder allocatedGib(int gib) {
            allocatedGib = gib;
            return this;
        }

        public Builder maxAllocatedGib(int gib) {
            maxAllocatedGib = gib;
            return this;
        }

        public Builder iops(Integer provisioned) {
            iops = provisioned;
            return this;
        }

        public Builder throughputMibps(Integer mibps) {
            throughputMibps = mibps;
            return this;
        }

        public StorageConfig build() {
            return new StorageConfig(Required.of("database.storage.allocatedGib", allocatedGib),
                    Required.of("database.storage.maxAllocatedGib", maxAllocatedGib), iops, throughputMibps);
        }
    }
}
