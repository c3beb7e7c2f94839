package com.storefront.platform.deployment;

import com.hashicorp.cdktf.TerraformResource;

/**
 * The address a resource has in its stack's Terraform configuration: its type and logical id, e.g.
 * {@code aws_db_instance.postgres_primary_11FB0C6D}. Moved blocks and {@code replace_triggered_by} take it bare, where
 * CDKTF's references are {@code ${...}} interpolations that Terraform refuses there; an expression written by hand
 * starts from it.
 */
public final class ResourceAddress {

    private ResourceAddress() {
    }

    public static String of(TerraformResource resource) {
        return resource.getTerraformResourceType() + "." + resource.getFriendlyUniqueId();
    }
}
