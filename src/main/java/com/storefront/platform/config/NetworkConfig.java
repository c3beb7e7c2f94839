package com.storefront.platform.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The network of one environment: a VPC spread over availability zones, with one subnet per zone in
 * each of three tiers. Build it through {@link EnvironmentConfig.Builder#network}; defaults: {@link Environments#defaults}.
 *
 * @param vpcCidr the VPC's address range, a /16 to /28 block outside the special-purpose ranges no VPC can route
 * @param availabilityZones the zones to spread over, at least two, all distinct
 * @param publicSubnets one block per zone, for NAT gateways and load balancers
 * @param applicationSubnets one block per zone, for application tiers; egress through NAT when there is one. They also
 *     hold the VPC endpoints (seven interfaces each without NAT), the rotation function and, with a proxy, the RDS Proxy,
 *     for which AWS recommends keeping 10 addresses free for a writer up to xlarge, 25 at 4xlarge and 110 at 24xlarge
 *     ("Planning for IP address capacity"): the /28 blocks a /24 VPC is carved into hold 11, too few with a proxy; a
 *     /22 VPC or larger leaves room
 * @param databaseSubnets one block per zone, isolated: no route to a NAT or internet gateway
 * @param natGateways how application subnets reach the internet
 * @param flowLogRetentionDays how long VPC flow logs are kept
 * @param protectFlowLogs whether Terraform refuses to destroy the flow-log key and log group ({@code prevent_destroy}):
 *     without the key, the retained flow logs cannot be read
 */
public record NetworkConfig(
        Ipv4Cidr vpcCidr,
        List<String> availabilityZones,
        List<Ipv4Cidr> publicSubnets,
        List<Ipv4Cidr> applicationSubnets,
        List<Ipv4Cidr> databaseSubnets,
        NatGateways natGateways,
        int flowLogRetentionDays,
        boolean protectFlowLogs) {

    /**
     * IPv4 ranges no VPC can use: they are not unicast, or they are the host's own or the link-local range where AWS
     * serves instance metadata (169.254.169.254) and Time Sync. Source: the IANA IPv4 Special-Purpose Address Registry
     * (RFC 6890). AWS also allows public and RFC 6598 (100.64.0.0/10) ranges, so those are accepted.
     */
    static final Map<Ipv4Cidr, String> UNROUTABLE_RANGES = unroutableRanges();

    /** Zones the default layout can carve subnets for: three tiers of five /(n+4) blocks fit in a VPC. */
    static final int MAX_CARVED_ZONES = 5;

    public NetworkConfig {
        availabilityZones = List.copyOf(availabilityZones);
        publicSubnets = List.copyOf(publicSubnets);
        applicationSubnets = List.copyOf(applicationSubnets);
        databaseSubnets = List.copyOf(databaseSubnets);
        if (vpcCidr.prefixLength() < 16 || vpcCidr.prefixLength() > 28) {
            throw new InvalidConfigException("network.vpcCidr", vpcCidr.toString(),
                    "must have a prefix length between /16 and /28 (the sizes AWS allows for a VPC)");
        }
        for (Map.Entry<Ipv4Cidr, String> range : UNROUTABLE_RANGES.entrySet()) {
            if (range.getKey().overlaps(vpcCidr)) {
                throw new InvalidConfigException("network.vpcCidr", vpcCidr.toString(), "must not overlap " + range.getKey() + " (" + range.getValue()
                        + "): no VPC can route it; use a private range like 10.20.0.0/16");
            }
        }
        if (availabilityZones.size() < 2) {
            throw new InvalidConfigException("network.availabilityZones", availabilityZones,
                    "must list at least 2 zones: the database subnet group and Multi-AZ need two");
        }
        if (new HashSet<>(availabilityZones).size() != availabilityZones.size()) {
            throw new InvalidConfigException("network.availabilityZones", availabilityZones, "must not repeat a zone");
        }
        requireOnePerZone("network.publicSubnets", publicSubnets, availabilityZones);
        requireOnePerZone("network.applicationSubnets", applicationSubnets, availabilityZones);
        requireOnePerZone("network.databaseSubnets", databaseSubnets, availabilityZones);
        requireInsideVpcAndDisjoint(vpcCidr, publicSubnets, applicationSubnets, databaseSubnets);
        LogRetention.requireValid("network.flowLogRetentionDays", flowLogRetentionDays);
    }

    /**
     * A network whose subnets are carved from the VPC range: blocks 16 times smaller than the VPC,
     * public from block 0, application from block 5, database from block 10, one per zone in zone order,
     * so adding a zone never renumbers the existing subnets.
     */
    public static NetworkConfig carved(Ipv4Cidr vpcCidr, List<String> availabilityZones,
            NatGateways natGateways, int flowLogRetentionDays, boolean protectFlowLogs) {
        if (availabilityZones.size() > MAX_CARVED_ZONES) {
            throw new InvalidConfigException("network.availabilityZones", availabilityZones,
                    "must list at most " + MAX_CARVED_ZONES + " zones for the carved subnet layout; give the subnets explicitly instead");
        }
        if (vpcCidr.prefixLength() > 24) {
            throw new InvalidConfigException("network.vpcCidr", vpcCidr.toString(),
                    "must be /24 or larger for the carved subnet layout (each subnet needs at least 16 addresses); give the subnets explicitly instead");
        }
        int subnetPrefix = vpcCidr.prefixLength() + 4;
        List<Ipv4Cidr> publicSubnets = new ArrayList<>();
        List<Ipv4Cidr> applicationSubnets = new ArrayList<>();
        List<Ipv4Cidr> databaseSubnets = new ArrayList<>();
        for (int zone = 0; zone < availabilityZones.size(); zone++) {
            publicSubnets.add(vpcCidr.subnet(subnetPrefix, zone));
            applicationSubnets.add(vpcCidr.subnet(subnetPrefix, MAX_CARVED_ZONES + zone));
            databaseSubnets.add(vpcCidr.subnet(subnetPrefix, 2 * MAX_CARVED_ZONES + zone));
        }
        return new NetworkConfig(vpcCidr, availabilityZones, publicSubnets, applicationSubnets, databaseSubnets,
                natGateways, flowLogRetentionDays, protectFlowLogs);
    }

    private static Map<Ipv4Cidr, String> unroutableRanges() {
        Map<Ipv4Cidr, String> ranges = new TreeMap<>((a, b) -> Long.compare(a.network(), b.network()));
        ranges.put(Ipv4Cidr.parse("range", "0.0.0.0/8"), "'this network'");
        ranges.put(Ipv4Cidr.parse("range", "127.0.0.0/8"), "loopback");
        ranges.put(Ipv4Cidr.parse("range", "169.254.0.0/16"), "link-local, where AWS serves instance metadata");
        ranges.put(Ipv4Cidr.parse("range", "224.0.0.0/4"), "multicast");
        ranges.put(Ipv4Cidr.parse("range", "240.0.0.0/4"), "reserved, and broadcast");
        return Collections.unmodifiableMap(ranges);
    }

    private static void requireOnePerZone(String field, List<Ipv4Cidr> subnets, List<String> zones) {
        if (subnets.size() != zones.size()) {
            throw new InvalidConfigException(field, subnets,
                    "must have exactly one block per availability zone (" + zones.size() + ": " + zones + ")");
        }
    }

    private static void requireInsideVpcAndDisjoint(Ipv4Cidr vpc, List<Ipv4Cidr> publicSubnets,
            List<Ipv4Cidr> applicationSubnets, List<Ipv4Cidr> databaseSubnets) {
        List<String> names = new ArrayList<>();
        List<Ipv4Cidr> all = new ArrayList<>();
        addTier("network.publicSubnets", publicSubnets, names, all);
        addTier("network.applicationSubnets", applicationSubnets, names, all);
        addTier("network.databaseSubnets", databaseSubnets, names, all);
        for (int i = 0; i < all.size(); i++) {
            if (!vpc.contains(all.get(i))) {
                throw new InvalidConfigException(names.get(i), all.get(i).toString(),
                        "must lie inside network.vpcCidr " + vpc + "; pick a block within the VPC range");
            }
            if (all.get(i).prefixLength() > 28) {
                throw new InvalidConfigException(names.get(i), all.get(i).toString(),
                        "must be /28 or larger (the smallest subnet AWS allows)");
            }
            for (int j = 0; j < i; j++) {
                if (all.get(i).overlaps(all.get(j))) {
                    throw new InvalidConfigException(names.get(i), all.get(i).toString(),
                            "must not overlap " + names.get(j) + " " + all.get(j) + "; give each subnet its own block");
                }
            }
        }
    }

    private static void addTier(String field, List<Ipv4Cidr> subnets, List<String> names, List<Ipv4Cidr> all) {
        for (int i = 0; i < subnets.size(); i++) {
            names.add(field + "[" + i + "]");
            all.add(subnets.get(i));
        }
    }

    /**
     * Builds a {@link NetworkConfig}. The VPC range, NAT strategy and flow-log retention are required; zones
     * default to the first {@code availabilityZoneCount} of the region (a, b, c, ...; in ca-central-1 a, b, d; in
     * ap-northeast-1 a, c, d; in us-west-1 they must be named), subnets to {@link #carved}.
     */
    public static final class Builder {
        private String vpcCidr;
        private Integer availabilityZoneCount;
        private List<String> availabilityZones;
        private List<String> publicSubnets;
        private List<String> applicationSubnets;
        private List<String> databaseSubnets;
        private NatGateways natGateways;
        private Integer flowLogRetentionDays;
        private Boolean protectFlowLogs;

        Builder() {
        }

        /** The VPC range; keep environments disjoint so they can be peered later. */
        public Builder vpcCidr(String cidr) {
            vpcCidr = cidr;
            return this;
        }

        /** How many of the region's zones to use, from a. Ignored when the zones are named. */
        public Builder availabilityZoneCount(int zones) {
            availabilityZoneCount = zones;
            return this;
        }

        public Builder availabilityZones(String... zones) {
            availabilityZones = Required.each("network.availabilityZones", "\"eu-west-1a\", \"eu-west-1b\"", zones);
            return this;
        }

        public Builder subnets(List<String> publicBlocks, List<String> applicationBlocks, List<String> databaseBlocks) {
            publicSubnets = publicBlocks;
            applicationSubnets = applicationBlocks;
            databaseSubnets = databaseBlocks;
            return this;
        }

        public Builder natGateways(NatGateways strategy) {
            natGateways = strategy;
            return this;
        }

        public Builder flowLogRetentionDays(int days) {
            flowLogRetentionDays = days;
            return this;
        }

        public Builder protectFlowLogs(boolean enabled) {
            protectFlowLogs = enabled;
            return this;
        }

        /** The network of an environment in {@code region}. */
        public NetworkConfig build(String region) {
            if (vpcCidr == null) {
                throw new InvalidConfigException("network.vpcCidr", null, "is required; give the VPC a range like 10.20.0.0/16");
            }
            Ipv4Cidr vpc = Ipv4Cidr.parse("network.vpcCidr", vpcCidr);
            List<String> zones = availabilityZones != null ? availabilityZones
                    : Regions.firstZones("network.availabilityZoneCount", region, Required.of("network.availabilityZoneCount", availabilityZoneCount));
            NatGateways nat = Required.of("network.natGateways", natGateways);
            int retention = Required.of("network.flowLogRetentionDays", flowLogRetentionDays);
            boolean protect = Required.of("network.protectFlowLogs", protectFlowLogs);
            if (publicSubnets == null) {
                return carved(vpc, zones, nat, retention, protect);
            }
            return new NetworkConfig(vpc, zones, parseAll("network.publicSubnets", publicSubnets),
                    parseAll("network.applicationSubnets", applicationSubnets),
                    parseAll("network.databaseSubnets", databaseSubnets), nat, retention, protect);
        }

        private static List<Ipv4Cidr> parseAll(String field, List<String> blocks) {
            if (blocks == null) {
                throw new InvalidConfigException(field, null, "is required when any tier's subnets are given explicitly");
            }
            return IntStream.range(0, blocks.size())
                    .mapToObj(i -> Ipv4Cidr.parse(field + "[" + i + "]", blocks.get(i)))
                    .toList();
        }
    }
}
