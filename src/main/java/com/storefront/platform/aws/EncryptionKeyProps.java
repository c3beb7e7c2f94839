package com.storefront.platform.aws;

/**
 * @param alias the alias name without the {@code alias/} prefix
 * @param description what the key protects, shown in the KMS console
 * @param accountId the account whose IAM policies administer the key
 * @param region the key's region, which scopes the services it is granted to
 * @param protect whether Terraform refuses to destroy the key ({@code prevent_destroy}); data encrypted with a
 *     deleted key is lost for good
 */
public record EncryptionKeyProps(String alias, String description, String accountId, String region, boolean protect) {
}
