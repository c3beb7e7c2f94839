package com.storefront.platform.database;

import com.storefront.platform.aws.EncryptionKey;
import com.storefront.platform.aws.MachineImage;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.config.AccessConfig;
import com.storefront.platform.network.NetworkReference;
import java.util.Optional;

/**
 * @param names the environment's resource names
 * @param accountId the account, part of every ARN the policies name
 * @param database the database applications and operators connect to
 * @param secret the master credentials, which break-glass operators may read
 * @param key the key that secret is encrypted with
 * @param network the VPC and application subnets the bastion runs in
 * @param bastionImage the AMI the bastion boots from; a new image later never replaces a running bastion
 * @param access the application users, and whether there is a bastion
 * @param proxy the writer's proxy, if any: its user connects through it
 */
public record DatabaseAccessProps(ResourceNames names, String accountId, PostgresDatabase database, MasterSecret secret, EncryptionKey key,
        NetworkReference network, MachineImage bastionImage, AccessConfig access, Optional<DatabaseProxy> proxy) {
}
