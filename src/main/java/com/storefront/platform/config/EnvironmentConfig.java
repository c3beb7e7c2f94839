package com.storefront.platform.config;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Everything that differs between two environments of the platform. Build one with
 * {@link #builder(String, Tier)}, which starts from the tier's defaults.
 *
 * @param name short lowercase name used in stack ids and AWS resource names, e.g. {@code prod}
 * @param tier the kind of environment, which decides the defaults
 * @param region the AWS region every resource of the environment lives in
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
            Objects.requireNonNull(tier, "tier");
            Regions.requireValid("region", region);
            if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
                throw new InvalidConfigException("accountId", accountId, "must be the 12-digit AWS account id");
            }
            for (String zone : network.availabilityZones()) {
                if (!zone.matches(Pattern.quote(region) + "[a-z]")) {
                    throw new InvalidConfigException("network.availabilityZones", zone,
                            "must be zones of region " + region + ", like " + region + "a");
                }
            }
            if (tier == Tier.PROD) {
                requireNotBurstable("database.instanceClass", database.instanceClass());
                requireNotBurstable("database.replicaInstanceClass", database.replicaInstanceClass());
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

    /** This environment with its database settings changed by {@code changes}, e.g. {@code d -> d.readReplicas(3)}. */
    public EnvironmentConfig withDatabase(UnaryOperator<DatabaseConfig.Builder> changes) {
        try {
            return new EnvironmentConfig(name, tier, region, accountId, stateBackend, network, changes.apply(database.toBuilder()).build());
        } catch (InvalidConfigException e) {
            throw e.in(name);
        }
    }

    /** Starts an environment from the defaults of its tier. */
    public static Builder builder(String name, Tier tier) {
        return new Builder(name, tier);
    }

    /**
     * Builds an {@link EnvironmentConfig}. Only the region, account, VPC range and state bucket must be
     * given; everything else defaults from the tier.
     */
    public static final class Builder {
        private final String name;
        private final Tier tier;
        private String region;
        private String accountId;
        private String stateBucket;
        private String stateRegion;
        private String vpcCidr;
        private List<String> availabilityZones;
        private List<String> publicSubnets;
        private List<String> applicationSubnets;
        private List<String> databaseSubnets;
        private NatGateways natGateways;
        private Integer flowLogRetentionDays;
        private UnaryOperator<DatabaseConfig.Builder> database = UnaryOperator.identity();

        private Builder(String name, Tier tier) {
            this.name = name;
            this.tier = tier;
        }

        /** Required: the AWS region. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Required: the 12-digit AWS account id. */
        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /** Required: the state bucket. Default region: the environment's. */
        public Builder stateBucket(String bucket) {
            this.stateBucket = bucket;
            return this;
        }

        /** Default: the environment's region. */
        public Builder stateRegion(String region) {
            this.stateRegion = region;
            return this;
        }

        /** Required: the VPC range; keep environments disjoint so they can be peered later. */
        public Builder vpcCidr(String cidr) {
            this.vpcCidr = cidr;
            return this;
        }

        /** Default: see {@link Tier#availabilityZones()}. */
        public Builder availabilityZones(String... zones) {
            this.availabilityZones = List.of(zones);
            return this;
        }

        /** Default: carved from the VPC range, see {@link NetworkConfig#carved}. */
        public Builder subnets(List<String> publicSubnets, List<String> applicationSubnets, List<String> databaseSubnets) {
            this.publicSubnets = publicSubnets;
            this.applicationSubnets = applicationSubnets;
            this.databaseSubnets = databaseSubnets;
            return this;
        }

        /** Default: see {@link Tier#natGateways()}. */
        public Builder natGateways(NatGateways natGateways) {
            this.natGateways = natGateways;
            return this;
        }

        /** Default: see {@link Tier#flowLogRetentionDays()}. */
        public Builder flowLogRetentionDays(int days) {
            this.flowLogRetentionDays = days;
            return this;
        }

        /** Overrides database defaults, e.g. {@code d -> d.readReplicas(3)}. Default: see {@link DatabaseConfig.Builder#defaultsFor}. */
        public Builder database(UnaryOperator<DatabaseConfig.Builder> overrides) {
            this.database = overrides;
            return this;
        }

        /** @throws InvalidConfigException naming the environment, field, value and fix */
        public EnvironmentConfig build() {
            try {
                Regions.requireValid("region", region);
                return new EnvironmentConfig(name, tier, region, accountId,
                        StateBackendConfig.ofModuleDefaults(stateBucket, stateRegion != null ? stateRegion : region),
                        network(), database.apply(DatabaseConfig.Builder.defaultsFor(tier)).build());
            } catch (InvalidConfigException e) {
                throw e.in(name);
            }
        }

        private NetworkConfig network() {
            if (vpcCidr == null) {
                throw new InvalidConfigException("network.vpcCidr", null, "is required; give the VPC a range like 10.20.0.0/16");
            }
            Ipv4Cidr vpc = Ipv4Cidr.parse("network.vpcCidr", vpcCidr);
            List<String> zones = availabilityZones != null ? availabilityZones : defaultZones();
            NatGateways nat = orDefault(natGateways, tier.natGateways());
            int retention = orDefault(flowLogRetentionDays, tier.flowLogRetentionDays());
            if (publicSubnets == null) {
                return NetworkConfig.carved(vpc, zones, nat, retention);
            }
            return new NetworkConfig(vpc, zones, parseAll("network.publicSubnets", publicSubnets),
                    parseAll("network.applicationSubnets", applicationSubnets),
                    parseAll("network.databaseSubnets", databaseSubnets), nat, retention);
        }

        private List<String> defaultZones() {
            return "abcdef".chars().limit(tier.availabilityZones()).mapToObj(c -> region + (char) c).toList();
        }

        private static List<Ipv4Cidr> parseAll(String field, List<String> blocks) {
            if (blocks == null) {
                throw new InvalidConfigException(field, null, "is required when any tier's subnets are given explicitly");
            }
            return IntStream.range(0, blocks.size())
                    .mapToObj(i -> Ipv4Cidr.parse(field + "[" + i + "]", blocks.get(i)))
                    .toList();
        }

        private static <T> T orDefault(T value, T fallback) {
            return value != null ? value : fallback;
        }
    }
}
