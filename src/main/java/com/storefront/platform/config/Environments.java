package com.storefront.platform.config;

import java.util.Arrays;
import java.util.List;

/**
 * The environments of the platform and the defaults of each tier: every value that differs between two
 * environments is on this page.
 *
 * <p>The account ids and e-mail addresses are placeholders: replace them with your own before deploying (the
 * provider refuses to touch any other account, so a wrong id fails safely).
 */
public final class Environments {

    private Environments() {
    }

    /** Every environment, in deployment order: its tier's defaults, then what is its own. */
    public static List<EnvironmentConfig> all() {
        return requireUnique(List.of(
                EnvironmentConfig.builder("dev", Tier.DEV)
                        .region("eu-west-1")
                        .accountId("111111111111")
                        .stateBucket("storefront-dev-tfstate")
                        .network(n -> n.vpcCidr("10.10.0.0/16"))
                        .build(),
                EnvironmentConfig.builder("staging", Tier.STAGING)
                        .region("eu-west-1")
                        .accountId("222222222222")
                        .stateBucket("storefront-staging-tfstate")
                        .network(n -> n.vpcCidr("10.20.0.0/16"))
                        .database(d -> d.observability(o -> o.alarmEmails("storefront-dba@example.com")))
                        .build(),
                EnvironmentConfig.builder("prod", Tier.PROD)
                        .region("eu-west-1")
                        .accountId("333333333333")
                        .stateBucket("storefront-prod-tfstate")
                        .network(n -> n.vpcCidr("10.30.0.0/16"))
                        .database(d -> d.observability(o -> o.alarmEmails("storefront-dba@example.com", "storefront-oncall@example.com")))
                        .build()));
    }

    /**
     * The one table of defaults: what every tier shares, then one row per tier. An environment's entry in
     * {@link #all()} overrides any of them.
     */
    static EnvironmentConfig.Builder defaults(EnvironmentConfig.Builder environment, Tier tier) {
        environment.database(d -> d
                .engineMajorVersion("16")
                .allowMajorVersionUpgrade(false)
                .caCertificate("rds-ca-rsa2048-g1")
                .maintenanceWindow("sun:04:30-sun:05:30")
                .applyImmediately(false)
                .blueGreenUpdate(false)
                .credentials(c -> c
                        .masterPassword(new MasterPassword.WriteOnly(1))
                        .masterUsername("storefront_admin")
                        .databaseName("storefront"))
                .backups(b -> b
                        .window("03:00-04:00")
                        .accessLogRetentionDays(365)
                        .exportLifecycle(l -> l
                                .infrequentAccessAfterDays(30)
                                .glacierAfterDays(90)
                                .expireAfterDays(365)
                                .noncurrentExpireAfterDays(90)))
                .observability(o -> o
                        .slowQueryMillis(500)
                        .databaseInsightsMode(DatabaseInsightsMode.STANDARD)
                        .alarms(a -> a
                                .cpuPercent(80)
                                .freeableMemoryShare(0.10)
                                .freeStorageShare(0.10)
                                .connectionsShare(0.80)
                                .readLatencyMillis(20)
                                .writeLatencyMillis(20)
                                .diskQueueDepth(20)
                                .replicaLagSeconds(60)
                                .cpuCreditBalance(30)
                                .transactionIdsUsed(1_000_000_000L)
                                .periodSeconds(60)
                                .evaluationPeriods(5)))
                .access(a -> a.roles(DatabaseRole.readWrite("storefront_app"), DatabaseRole.readOnly("storefront_reader")))
                // The pool stops at 75% of max_connections: operators, the rotation function and the bastion connect
                // directly and still get in when the pool is full, and the connections alarm (80%) fires only on what
                // the pool cannot explain.
                .proxy(p -> p
                        .maxConnectionsPercent(75)
                        .maxIdleConnectionsPercent(45)
                        .connectionBorrowTimeoutSeconds(120)
                        .idleClientTimeoutSeconds(1800)));
        return switch (tier) {
            case DEV -> environment
                    .network(n -> n
                            .availabilityZoneCount(2)
                            .natGateways(NatGateways.SINGLE)
                            .flowLogRetentionDays(14)
                            .protectFlowLogs(false))
                    .database(d -> d
                            .instanceClass("db.t4g.medium")
                            .multiAz(false)
                            .readReplicas(0)
                            .protect(false)
                            .storage(s -> s.allocatedGib(20).maxAllocatedGib(100))
                            .backups(b -> b.retentionDays(7).disasterRecovery(null))
                            .observability(o -> o.performanceInsightsRetentionDays(7).monitoringIntervalSeconds(60).logRetentionDays(7))
                            // A rotation function in the VPC holds network interfaces that take up to 20 minutes to
                            // release: dev stays a quick one-command teardown and rotates by version bump only.
                            .credentials(c -> c.rotationDays(null))
                            .access(a -> a.bastion(false))
                            .proxy(p -> p.enabled(false)));
            case STAGING -> environment
                    .network(n -> n
                            .availabilityZoneCount(3)
                            .natGateways(NatGateways.SINGLE)
                            .flowLogRetentionDays(30)
                            .protectFlowLogs(true))
                    .database(d -> d
                            .instanceClass("db.m6g.large")
                            .multiAz(true)
                            .readReplicas(1)
                            .protect(true)
                            .storage(s -> s.allocatedGib(50).maxAllocatedGib(200))
                            .backups(b -> b.retentionDays(7).disasterRecovery(null))
                            .observability(o -> o.performanceInsightsRetentionDays(7).monitoringIntervalSeconds(60).logRetentionDays(30))
                            .credentials(c -> c.rotationDays(30))
                            .access(a -> a.bastion(true))
                            .proxy(p -> p.enabled(false)));
            case PROD -> environment
                    .network(n -> n
                            .availabilityZoneCount(3)
                            .natGateways(NatGateways.ONE_PER_AZ)
                            .flowLogRetentionDays(365)
                            .protectFlowLogs(true))
                    .database(d -> d
                            .instanceClass("db.r6g.large")
                            .multiAz(true)
                            .readReplicas(2)
                            .protect(true)
                            .storage(s -> s.allocatedGib(100).maxAllocatedGib(1000))
                            // Copies in Frankfurt: the nearest other EU region to Ireland (data stays in the EU, ~25 ms
                            // away), offering RDS and AWS Backup with the same instance classes.
                            .backups(b -> b.retentionDays(14).disasterRecovery(new DisasterRecoveryConfig("eu-central-1", 35, 365)))
                            .observability(o -> o.performanceInsightsRetentionDays(31).monitoringIntervalSeconds(15).logRetentionDays(365))
                            .credentials(c -> c.rotationDays(30))
                            .access(a -> a.bastion(true))
                            .proxy(p -> p.enabled(true)));
        };
    }

    /**
     * The environments named in {@code selection}, a comma-separated list such as {@code "staging,prod"};
     * every environment when it is null or blank.
     *
     * @param source where the selection was given, as the user wrote it (e.g. {@code STOREFRONT_ENVIRONMENTS}), for
     *     the error
     * @throws InvalidConfigException for an unknown name, listing the valid ones, or a list of no names (",")
     */
    public static List<EnvironmentConfig> select(List<EnvironmentConfig> environments, String selection, String source) {
        if (selection == null || selection.isBlank()) {
            return environments;
        }
        List<String> wanted = Arrays.stream(selection.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        String known = String.join(", ", environments.stream().map(EnvironmentConfig::name).sorted().toList());
        if (wanted.isEmpty()) {
            throw new InvalidConfigException(source, selection, "names no environment: give one or more of " + known
                    + ", comma-separated, or leave it unset for all");
        }
        for (String name : wanted) {
            if (environments.stream().noneMatch(e -> e.name().equals(name))) {
                throw new InvalidConfigException(source, name, "must name a declared environment: one of " + known);
            }
        }
        return environments.stream().filter(e -> wanted.contains(e.name())).toList();
    }

    /**
     * Checks what no two environments may share, reporting the later one of a pair.
     *
     * @throws InvalidConfigException when two environments share a name (they would share stacks and state), a state
     *     bucket (modules/state-backend makes one per environment, with its own key), or overlapping VPC ranges (which
     *     can never be peered or routed to each other)
     */
    static List<EnvironmentConfig> requireUnique(List<EnvironmentConfig> environments) {
        for (int i = 0; i < environments.size(); i++) {
            EnvironmentConfig environment = environments.get(i);
            for (EnvironmentConfig earlier : environments.subList(0, i)) {
                if (earlier.name().equals(environment.name())) {
                    throw new InvalidConfigException("name", environment.name(),
                            "must be unique across environments: two would share stacks and state; rename one").in(environment.name());
                }
                if (earlier.stateBackend().bucket().equals(environment.stateBackend().bucket())) {
                    throw new InvalidConfigException("stateBackend.bucket", environment.stateBackend().bucket(),
                            "must not be shared with environment '" + earlier.name() + "': modules/state-backend makes one bucket and key per"
                                    + " environment, so that one environment's state and the roles that write it stay apart from another's;"
                                    + " create a bucket for this one").in(environment.name());
                }
                if (earlier.network().vpcCidr().overlaps(environment.network().vpcCidr())) {
                    throw new InvalidConfigException("network.vpcCidr", environment.network().vpcCidr().toString(),
                            "must not overlap environment '" + earlier.name() + "' (" + earlier.network().vpcCidr() + "): VPCs with"
                                    + " overlapping ranges can never be peered or routed to each other; give each environment its own range")
                            .in(environment.name());
                }
            }
        }
        return environments;
    }
}
