package com.storefront.platform.network;

/**
 * The outputs the network stack publishes and the database stack reads through remote state: one
 * contract for both sides, so a renamed output breaks the build rather than the deploy.
 */
public enum NetworkOutput {
    VPC_ID("vpc_id", false),
    VPC_CIDR("vpc_cidr", false),
    AVAILABILITY_ZONES("availability_zones", true),
    PUBLIC_SUBNET_IDS("public_subnet_ids", true),
    APPLICATION_SUBNET_IDS("application_subnet_ids", true),
    DATABASE_SUBNET_IDS("database_subnet_ids", true),
    APPLICATION_SECURITY_GROUP_ID("application_security_group_id", false),
    ENDPOINTS_SECURITY_GROUP_ID("endpoints_security_group_id", false);

    private final String outputName;
    private final boolean list;

    NetworkOutput(String outputName, boolean list) {
        this.outputName = outputName;
        this.list = list;
    }

    /** The Terraform output name, snake_case. */
    public String outputName() {
        return outputName;
    }

    /** Whether the value is a list of strings rather than a string. */
    public boolean isList() {
        return list;
    }
}
