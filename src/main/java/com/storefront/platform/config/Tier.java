package com.storefront.platform.config;

/**
 * The kind of environment, which decides the defaults an environment's network starts from (the
 * database's are in {@link DatabaseConfig.Builder#defaultsFor}). Every default can be
 * overridden per environment in {@link Environments}.
 */
public enum Tier {
    /** For developers: cheapest shape that still behaves like production, easy to tear down. */
    DEV(2, NatGateways.SINGLE, 14),
    /** A rehearsal of production: same topology at a smaller size. */
    STAGING(3, NatGateways.SINGLE, 30),
    /** Serves customers: zone-redundant everywhere, protected from deletion. */
    PROD(3, NatGateways.ONE_PER_AZ, 365);

    private final int availabilityZones;
    private final NatGateways natGateways;
    private final int flowLogRetentionDays;

    Tier(int availabilityZones, NatGateways natGateways, int flowLogRetentionDays) {
        this.availabilityZones = availabilityZones;
        this.natGateways = natGateways;
        this.flowLogRetentionDays = flowLogRetentionDays;
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
}
