package com.storefront.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EnvironmentsTest {

    @Test
    void declaresAnEnvironmentOfEveryTier() {
        Set<Tier> tiers = Environments.all().stream().map(EnvironmentConfig::tier).collect(Collectors.toSet());

        assertEquals(Set.of(Tier.values()), tiers);
    }

    @Test
    void selectsEveryEnvironmentWhenNoneIsNamed() {
        List<EnvironmentConfig> all = Environments.all();

        assertEquals(all, Environments.select(all, null, "STOREFRONT_ENVIRONMENTS"));
        assertEquals(all, Environments.select(all, " ", "STOREFRONT_ENVIRONMENTS"));
    }

    @Test
    void selectsOnlyTheNamedEnvironments() {
        List<EnvironmentConfig> selected = Environments.select(Environments.all(), "prod, dev", "STOREFRONT_ENVIRONMENTS");

        assertEquals(List.of("dev", "prod"), selected.stream().map(EnvironmentConfig::name).toList());
    }

    @Test
    void rejectsAnUnknownEnvironmentListingTheValidOnes() {
        InvalidConfigException error = assertThrows(InvalidConfigException.class,
                () -> Environments.select(Environments.all(), "production", "STOREFRONT_ENVIRONMENTS"));

        assertEquals("STOREFRONT_ENVIRONMENTS must name a declared environment: one of "
                + String.join(", ", Environments.all().stream().map(EnvironmentConfig::name).sorted().toList()) + ", got 'production'",
                error.getMessage());
    }

    @Test
    void rejectsASelectionOfNoNamesRatherThanSynthesizingNothing() {
        InvalidConfigException error = assertThrows(InvalidConfigException.class,
                () -> Environments.select(Environments.all(), ", ,", "cdktf.json context.environments"));

        assertEquals("cdktf.json context.environments names no environment: give one or more of "
                + String.join(", ", Environments.all().stream().map(EnvironmentConfig::name).sorted().toList())
                + ", comma-separated, or leave it unset for all, got ', ,'", error.getMessage());
    }

    @Test
    void rejectsTwoEnvironmentsWithTheSameName() {
        EnvironmentConfig dev = Environments.all().get(0);

        InvalidConfigException error = assertThrows(InvalidConfigException.class,
                () -> Environments.requireUnique(List.of(dev, dev)));

        assertTrue(error.getMessage().startsWith("environment 'dev': name must be unique across environments"), error.getMessage());
        assertTrue(error.getMessage().endsWith("got 'dev'"), error.getMessage());
    }

    @Test
    void rejectsTwoEnvironmentsSharingAStateBucket() {
        EnvironmentConfig dev = environment("dev", "storefront-dev-tfstate", "10.10.0.0/16");
        EnvironmentConfig qa = environment("qa", "storefront-dev-tfstate", "10.50.0.0/16");

        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> Environments.requireUnique(List.of(dev, qa)));

        assertEquals("environment 'qa': stateBackend.bucket must not be shared with environment 'dev': modules/state-backend makes one bucket"
                + " and key per environment, so that one environment's state and the roles that write it stay apart from another's; create a"
                + " bucket for this one, got 'storefront-dev-tfstate'", error.getMessage());
    }

    @Test
    void rejectsTwoEnvironmentsWithOverlappingVpcRanges() {
        EnvironmentConfig dev = environment("dev", "storefront-dev-tfstate", "10.10.0.0/16");
        EnvironmentConfig qa = environment("qa", "storefront-qa-tfstate", "10.10.128.0/17");

        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> Environments.requireUnique(List.of(dev, qa)));

        assertEquals("environment 'qa': network.vpcCidr must not overlap environment 'dev' (10.10.0.0/16): VPCs with overlapping ranges can"
                + " never be peered or routed to each other; give each environment its own range, got '10.10.128.0/17'", error.getMessage());
    }

    @Test
    void acceptsEnvironmentsWithTheirOwnBucketsAndAdjacentRanges() {
        List<EnvironmentConfig> environments = List.of(environment("dev", "storefront-dev-tfstate", "10.10.0.0/16"),
                environment("qa", "storefront-qa-tfstate", "10.11.0.0/16"));

        assertEquals(environments, Environments.requireUnique(environments));
    }

    private static EnvironmentConfig environment(String name, String bucket, String vpcCidr) {
        return EnvironmentConfig.builder(name, Tier.DEV)
                .region("eu-west-1")
                .accountId("444444444444")
                .stateBucket(bucket)
                .network(n -> n.vpcCidr(vpcCidr))
                .build();
    }
}
