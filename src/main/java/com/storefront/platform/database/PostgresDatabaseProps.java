package com.storefront.platform.database;

import com.storefront.platform.aws.EncryptionKey;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.config.DatabaseConfig;
import com.storefront.platform.deployment.GeneratedPassword;
import com.storefront.platform.network.NetworkReference;

/**
 * @param names the environment's resource names
 * @param accountId the environment's account: only RDS acting for it may assume the monitoring role
 * @param network the VPC, the isolated database subnets, the zones and the application security group
 * @param key the key for storage, Performance Insights, log groups and an RDS-managed secret
 * @param password the generated master password, taken only with {@link com.storefront.platform.config.MasterPassword.WriteOnly}
 * @param config the database settings
 */
public record PostgresDatabaseProps(ResourceNames names, String accountId, NetworkReference network, EncryptionKey key, GeneratedPassword password,
        DatabaseConfig config) {
}
