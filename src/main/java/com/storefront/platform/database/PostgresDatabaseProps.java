package com.storefront.platform.database;

import com.storefront.platform.config.DatabaseConfig;
import com.storefront.platform.support.ResourceNames;
import java.util.List;

/**
 * @param names the environment's resource names
 * @param vpcId the VPC the database lives in
 * @param databaseSubnetIds the isolated subnets, one per zone, for the DB subnet group
 * @param applicationSecurityGroupId the only security group allowed to connect
 * @param config the database settings
 */
public record PostgresDatabaseProps(
        ResourceNames names,
        String vpcId,
        List<String> databaseSubnetIds,
        String applicationSecurityGroupId,
        DatabaseConfig config) {
}
