package com.storefront.platform.database;

import com.storefront.platform.aws.EncryptionKey;
import com.storefront.platform.aws.ResourceNames;
import java.util.Optional;

/**
 * @param names the environment's resource names
 * @param database the database whose primary the script runs on
 * @param secret the master credentials the script runs with
 * @param key the key those credentials (and the proxy's) are encrypted with
 * @param bastion the bastion that runs the script on deploy; without one, the script is only published
 * @param roles the roles to create and grant
 * @param proxy the writer's proxy, if any: the script gives its role the proxy's password
 */
public record RoleProvisioningProps(ResourceNames names, PostgresDatabase database, MasterSecret secret, EncryptionKey key,
        Optional<DatabaseAccess.Bastion> bastion, DatabaseRoles roles, Optional<DatabaseProxy> proxy) {
}
