package com.storefront.platform.database;

import com.storefront.platform.aws.EncryptionKey;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.network.NetworkReference;

/**
 * @param names the environment's resource names
 * @param network the application subnets the function runs in, and the Secrets Manager endpoint's group it calls
 * @param database the database whose master password it rotates, and which it lets the function in
 * @param secret the master secret it rotates (write-only password)
 * @param key the key the secret is encrypted with, which the function uses to read and write it
 * @param rotationDays days between rotations, 1..1000
 * @param roles the roles script, whose run on the bastion the first rotation waits for: the script logs in with the
 *     master password, which a rotation changes in the database some seconds before the secret says so
 */
public record PasswordRotationProps(ResourceNames names, NetworkReference network, PostgresDatabase database, MasterSecret secret,
        EncryptionKey key, int rotationDays, RoleProvisioning roles) {
}
