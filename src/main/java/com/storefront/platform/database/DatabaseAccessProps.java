package com.storefront.platform.database;

import com.storefront.platform.config.DatabaseConfig;
import com.storefront.platform.support.MachineImage;
import com.storefront.platform.support.ResourceNames;
import java.util.List;

/**
 * @param names the environment's resource names
 * @param accountId the account, part of every ARN the policies name
 * @param instances the primary and replicas applications connect to
 * @param masterSecretArn the secret holding the master credentials
 * @param kmsKeyArn the key that secret is encrypted with
 * @param vpcId the VPC, for the bastion's security group
 * @param bastionSubnetId a private application subnet for the bastion
 * @param databaseSecurityGroupId the database's security group, the bastion's only database path
 * @param bastionImage the AMI the bastion boots from; a new image later never replaces a running bastion
 * @param config the database settings: application users, and whether there is a bastion
 */
public record DatabaseAccessProps(ResourceNames names, String accountId, List<DatabaseInstance> instances, String masterSecretArn,
        String kmsKeyArn, String vpcId, String bastionSubnetId, String databaseSecurityGroupId, MachineImage bastionImage,
        DatabaseConfig config) {

    public DatabaseAccessProps {
        instances = List.copyOf(instances);
    }
}
