package com.storefront.platform.config;

/**
 * The kind of environment, which decides the defaults an environment starts from. Every default can be
 * overridden per environment in {@link Environments}.
 */
public enum Tier {
    /** For developers: cheapest shape that still behaves like production, easy to tear down. */
    DEV(2, NatGateways.SINGLE, 14, 0),
    /** A rehearsal of production: same topology at a smaller size. */
    STAGING(3, NatGateways.SINGLE, 30, 1),
    /** Serves customers: zone-redundant everywhere, protected from deletion. */
    PROD(3, NatGateways.ONE_PER_AZ, 365, 2);

    private final int availabilityZones;
    private final NatGateways natGateways;
    private final int flowLogRetentionDays;
    private final int readReplicas;

    Tier(int availabilityZones, NatGateways natGateways, int flowLogRetentionDays, int readReplicas) {
        this.availabilityZones = availabilityZones;
        this.natGateways = natGateways;
        this.flowLogRetentionDays = flowLogRetentionDays;
        this.readReplicas = readReplicas;
    }

    /** Default: the region's zones a and b in dev; a, b and c elsewhere. */
    public int availabilityZones() {
        return availabilityZones;
    }

    /** Default: one NAT gateway per zone in prod, one shared elsewhere. */
    public NatGateways natGateways() {
        return natGateways;
    }

    /** Default: 14 days in dev, 30 in staging, 365 in prod. */
    public int flowLogRetentionDays() {
        return flowLogRetentionDays;
    }

    /** Default: none in dev, one in staging, two in prod. */
    public int readReplicas() {
        return readReplicas;
    }
}
