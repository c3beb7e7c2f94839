package com.storefront.platform.aws;

import com.hashicorp.cdktf.TerraformProvider;

/**
 * @param alias the alias name without the {@code alias/} prefix
 * @param description what the key protects, shown in the KMS console
 * @param accountId the account whose IAM policies administer the key
 * @param region the key's region, which scopes the services it is granted to; the region of {@code provider}
 * @param protect whether Terraform refuses to destroy the key ({@code prevent_destroy}); data encrypted with a
 *     deleted key is lost for good
 * @param provider the AWS provider the key is made with, for a key in another region than the stack's (a
 *     disaster-recovery copy's). Default: the stack's own provider (null)
 */
public record EncryptionKeyProps(String alias, String description, String accountId, String region, boolean protect,
        TerraformProvider provider) {

    /** A key made with the stack's own provider, in its region. */
    public EncryptionKeyProps(String alias, String description, String accountId, String region, boolean protect) {
        this(alias, description, accountId, region, protect, null);
    }
}
