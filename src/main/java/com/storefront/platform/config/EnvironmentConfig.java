package com.storefront.platform.config;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Everything that differs between two environments of the platform. Build one with
 * {@link #builder(String, Tier)}, which starts from the tier's row of {@link Environments#defaults}.
 *
 * @param name short lowercase name used in stack ids and AWS resource names, e.g. {@code prod}
 * @param tier the kind of environment, which decides the defaults
 * @param region the AWS region every resource of the environment lives in: a commercial region the pinned AWS provider
 *     knows (see {@code Regions} for the list and how to update it)
 * @param accountId the AWS account the environment is deployed to; the provider refuses any other
 * @param stateBackend where the environment's Terraform state lives
 * @param network the VPC and its subnets
 * @param database the PostgreSQL service
 */
public record EnvironmentConfig(
        String name,
        Tier tier,
        String region,
        String accountId,
        StateBackendConfig stateBackend,
        NetworkConfig network,
        DatabaseConfig database) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{1,9}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    public EnvironmentConfig {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidConfigException("name", name,
                    "must be 2..10 lowercase letters or digits starting with a letter (it is part of every AWS resource name)");
        }
        try {
            Required.of("tier", tier);
            Regions.requireEnvironmentRegion("region", region);
            if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
                throw new InvalidConfigException("accountId", accountId, "must be the 12-digit AWS account id");
            }
            for (String zone : network.availabilityZones()) {
                if (!zone.matches(Pattern.quote(region) + "[a-z]")) {
                    throw new InvalidConfigException("network.availabilityZones", zone,
                            "must be zones of region " + region + ", like " + region + "a");
                }
            }
            String snapshotRegion = database.backups().snapshotRegion();
            if (snapshotRegion != null && !snapshotRegion.equals(region)) {
                throw new InvalidConfigException("database.backups.snapshotIdentifier", database.backups().snapshotIdentifier(),
                        "must be a snapshot in the environment's region " + region + " (RDS restores an instance only from a snapshot in"
                                + " its own region); copy it first: aws rds copy-db-snapshot --source-region " + snapshotRegion
                                + " --region " + region + " --source-db-snapshot-identifier <this ARN> --target-db-snapshot-identifier <name>");
            }
            DisasterRecoveryConfig recovery = database.backups().disasterRecovery();
            if (recovery != null && recovery.region().equals(region)) {
                throw new InvalidConfigException("database.backups.disasterRecovery.region", recovery.region(),
                        "must be another region than the environment's own (" + region + "): copies kept in the region they protect"
                                + " are lost with it; choose a nearby region, e.g. eu-central-1 for eu-west-1");
            }
            if (tier == Tier.PROD) {
                requireNotBurstable("database.instanceClass", database.instanceClass());
                requireNotBurstable("database.replicaInstanceClass", database.replicaInstanceClass());
            }
            if (network.natGateways() == NatGateways.NONE && database.access().bastion()) {
                throw new InvalidConfigException("network.natGateways", network.natGateways(),
                        "must not be NONE with a bastion (database.access.bastion), which needs the internet to create the database"
                                + " roles at deploy: it installs psql from Amazon Linux's package repositories and fetches the RDS CA"
                                + " bundle from truststore.pki.rds.amazonaws.com; choose NatGateways.SINGLE, or turn the bastion off and"
                                + " run the database stack's database_roles_command by hand");
            }
            if (database.readReplicas() > network.availabilityZones().size()) {
                throw new InvalidConfigException("database.readReplicas", database.readReplicas(),
                        "must be at most the number of availability zones (" + network.availabilityZones().size()
                                + ") because each replica gets its own zone; add zones or remove replicas");
            }
        } catch (InvalidConfigException e) {
            throw e.in(name);
        }
    }

    private static void requireNotBurstable(String field, InstanceClass instanceClass) {
        if (instanceClass.burstable()) {
            throw new InvalidConfigException(field, instanceClass.name(),
                    "must not be a burstable db.t class in prod (CPU credits run out under sustained load); use db.m5.large or a newer m/r class");
        }
    }

    /** Starts an environment from its tier's row of {@link Environments#defaults}. */
    public static Builder builder(String name, Tier tier) {
        if (tier == null) {
            // The tier picks the defaults, so it is checked before they are looked up.
            throw new InvalidConfigException("tier", null, "must be one of " + Arrays.toString(Tier.values())).in(name);
        }
        return Environments.defaults(new Builder(name, tier), tier);
    }

    /** This environment with its database settings changed by {@code changes}, e.g. {@code d -> d.readReplicas(3)}. */
    public EnvironmentConfig withDatabase(UnaryOperator<DatabaseConfig.Builder> changes) {
        try {
            return new EnvironmentConfig(name, tier, region, accountId, stateBackend, network, changes.apply(database.toBuilder()).build());
        } catch (InvalidConfigException e) {
            throw e.in(name);
        }
    }

    /** Builds an {@link EnvironmentConfig}: the region, account, state bucket and VPC range are required. */
    public static final class Builder {
        private final String name;
        private final Tier tier;
        private String region;
        private String accountId;
        private String stateBucket;
        private String stateRegion;
        private String stateKmsKeyId;
        private final NetworkConfig.Builder network = new NetworkConfig.Builder();
        private final DatabaseConfig.Builder database = new DatabaseConfig.Builder();

        private Builder(String name, Tier tier) {
            this.name = name;
            this.tier = tier;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /** The state bucket, made by {@code modules/state-backend}; in the environment's region unless {@link #stateRegion}. */
        public Builder stateBucket(String bucket) {
            this.stateBucket = bucket;
            return this;
        }

        public Builder stateRegion(String region) {
            this.stateRegion = region;
            return this;
        }

        /**
         * The key the state is encrypted with, e.g. the {@code kms_key_id} of {@code modules/state-backend}'s
         * {@code backend_config} output. Default: {@code alias/<bucket>}, the alias that module creates.
         */
        public Builder stateKmsKeyId(String keyId) {
            this.stateKmsKeyId = keyId;
            return this;
        }

        /** Changes network settings, e.g. {@code n -> n.vpcCidr("10.40.0.0/16")}. */
        public Builder network(UnaryOperator<NetworkConfig.Builder> changes) {
            try {
                changes.apply(network);
            } catch (InvalidConfigException e) {
                throw e.in(name);
            }
            return this;
        }

        /** Changes database settings, e.g. {@code d -> d.readReplicas(3)}. */
        public Builder database(UnaryOperator<DatabaseConfig.Builder> changes) {
            try {
                changes.apply(database);
            } catch (InvalidConfigException e) {
                throw e.in(name);
            }
            return this;
        }

        /** @throws InvalidConfigException naming the environment, field, value and fix */
        public EnvironmentConfig build() {
            try {
                Regions.requireEnvironmentRegion("region", region);
                String stateIn = stateRegion != null ? stateRegion : region;
                StateBackendConfig state = stateKmsKeyId == null ? StateBackendConfig.ofModuleDefaults(stateBucket, stateIn)
                        : new StateBackendConfig(stateBucket, stateIn, stateKmsKeyId);
                return new EnvironmentConfig(name, tier, region, accountId, state, network.build(region), database.build());
            } catch (InvalidConfigException e) {
                throw e.in(name);
            }
        }
    }
}
