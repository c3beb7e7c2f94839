package com.storefront.platform.support;

import java.util.List;

/**
 * @param alias the alias name without the {@code alias/} prefix
 * @param description what the key protects, shown in the KMS console
 * @param accountId the account whose IAM policies administer the key
 * @param serviceGrants statements letting AWS services use the key, each scoped to this environment
 * @param protect whether Terraform refuses to destroy the key ({@code prevent_destroy}); data encrypted
 *     with a deleted key is lost for good
 */
public record EncryptionKeyProps(String alias, String description, String accountId,
        List<PolicyStatement> serviceGrants, boolean protect) {

    public EncryptionKeyProps {
        serviceGrants = List.copyOf(serviceGrants);
    }
}
