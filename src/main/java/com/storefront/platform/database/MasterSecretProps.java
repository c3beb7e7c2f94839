package com.storefront.platform.database;

import com.storefront.platform.aws.EncryptionKey;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.deployment.GeneratedPassword;

/**
 * @param names the environment's resource names
 * @param key the key the secret is encrypted with
 * @param database the database whose master credentials it holds
 * @param password the generated master password, written with {@link com.storefront.platform.config.MasterPassword.WriteOnly}
 */
public record MasterSecretProps(ResourceNames names, EncryptionKey key, PostgresDatabase database, GeneratedPassword password) {
}
