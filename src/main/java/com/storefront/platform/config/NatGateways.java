package com.storefront.platform.config;

/** How the private application subnets reach the internet. */
public enum NatGateways {
    /** One NAT gateway per availability zone: losing a zone never cuts the others off. */
    ONE_PER_AZ,
    /** One NAT gateway shared by every zone: cheaper, but a zone outage cuts egress everywhere. */
    SINGLE,
    /**
     * No NAT gateway: application subnets have no internet route; AWS APIs need VPC endpoints. Not with a bastion, which
     * needs the internet to create the database roles.
     */
    NONE;

    /** The number of NAT gateways this choice creates in a network of {@code zones} availability zones. */
    public int count(int zones) {
        return switch (this) {
            case ONE_PER_AZ -> zones;
            case SINGLE -> 1;
            case NONE -> 0;
        };
    }
}
