package com.storefront.platform.database;

import com.storefront.platform.support.ResourceNames;

/**
 * @param names the environment's resource names
 * @param kmsKeyArn the key the secret is encrypted with
 * @param protect whether Terraform refuses to destroy the secret, and deletion waits 30 days
 */
public record MasterSecretProps(ResourceNames names, String kmsKeyArn, boolean protect) {
}
