package com.storefront.platform.database;

import com.storefront.platform.config.DatabaseConfig;
import com.storefront.platform.support.ResourceNames;
import java.util.List;

/**
 * @param names the environment's resource names
 * @param vpcId the VPC the database lives in
 * @param databaseSubnetIds the isolated subnets, one per zone, for the DB subnet group
 * @param applicationSecurityGroupId the only security group allowed to connect
 * @param availabilityZones the environment's zones, in order; replica {@code i} goes to zone {@code i + 1}
 * @param kmsKeyArn the key for storage, Performance Insights and log groups
 * @param masterPasswordExpression with {@link com.storefront.platform.config.MasterPassword.WriteOnly}: an
 *     HCL expression yielding the password (an ephemeral value, never a literal secret); null otherwise
 * @param config the database settings
 */
public record PostgresDatabaseProps(
        ResourceNames names,
        String vpcId,
        List<String> databaseSubnetIds,
        String applicationSecurityGroupId,
        List<String> availabilityZones,
        String kmsKeyArn,
        String masterPasswordExpression,
        DatabaseConfig config) {

    public PostgresDatabaseProps {
        availabilityZones = List.copyOf(availabilityZones);
    }
}
