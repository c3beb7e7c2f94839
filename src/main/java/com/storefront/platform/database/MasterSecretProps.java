package com.storefront.platform.database;

import com.storefront.platform.config.DatabaseConfig;
import com.storefront.platform.support.ResourceNames;

/**
 * @param names the environment's resource names
 * @param kmsKeyArn the key the secret is encrypted with
 * @param passwordExpression an HCL expression yielding the password (an ephemeral value, never a literal secret)
 * @param version the password version; each new value writes a new secret version
 * @param config the database settings: master user, database name, and whether the secret is protected
 *     (Terraform refuses to destroy it, and deletion waits 30 days)
 */
public record MasterSecretProps(ResourceNames names, String kmsKeyArn, String passwordExpression, int version, DatabaseConfig config) {
}
