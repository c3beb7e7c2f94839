package com.storefront.platform.config;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The environments of the platform, declared in one reviewable place. Each starts from its
 * {@link Tier}'s defaults and overrides only what differs.
 *
 * <p>The account ids are placeholders: replace them with your own before deploying (the provider
 * refuses to touch any other account, so a wrong id fails safely).
 */
public final class Environments {

    private Environments() {
    }

    /** Every environment, in deployment order. */
    public static List<EnvironmentConfig> all() {
        return requireUnique(List.of(
                EnvironmentConfig.builder("dev", Tier.DEV)
                        .region("eu-west-1")
                        .accountId("111111111111")
                        .stateBucket("storefront-dev-tfstate")
                        .vpcCidr("10.10.0.0/16")
                        .build(),
                EnvironmentConfig.builder("staging", Tier.STAGING)
                        .region("eu-west-1")
                        .accountId("222222222222")
                        .stateBucket("storefront-staging-tfstate")
                        .vpcCidr("10.20.0.0/16")
                        .build(),
                EnvironmentConfig.builder("prod", Tier.PROD)
                        .region("eu-west-1")
                        .accountId("333333333333")
                        .stateBucket("storefront-prod-tfstate")
                        .vpcCidr("10.30.0.0/16")
                        .build()));
    }

    /**
     * The environments named in {@code selection}, a comma-separated list such as {@code "staging,prod"};
     * every environment when it is null or blank.
     *
     * @throws InvalidConfigException for an unknown name, listing the valid ones
     */
    public static List<EnvironmentConfig> select(List<EnvironmentConfig> environments, String selection) {
        if (selection == null || selection.isBlank()) {
            return environments;
        }
        List<String> wanted = Arrays.stream(selection.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<String> known = environments.stream().map(EnvironmentConfig::name).toList();
        for (String name : wanted) {
            if (!known.contains(name)) {
                throw new InvalidConfigException("environment selection", name,
                        "must name a declared environment: one of " + String.join(", ", known));
            }
        }
        return environments.stream().filter(e -> wanted.contains(e.name())).toList();
    }

    /**
     * @throws InvalidConfigException when two environments share a name, since they would share stacks
     *     and state
     */
    static List<EnvironmentConfig> requireUnique(List<EnvironmentConfig> environments) {
        Set<String> seen = new HashSet<>();
        for (EnvironmentConfig environment : environments) {
            if (!seen.add(environment.name())) {
                throw new InvalidConfigException("name", environment.name(),
                        "must be unique across environments: two would share stacks and state; rename one");
            }
        }
        return environments;
    }
}
