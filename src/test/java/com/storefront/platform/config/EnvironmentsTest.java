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

        assertEquals(all, Environments.select(all, null));
        assertEquals(all, Environments.select(all, " "));
    }

    @Test
    void selectsOnlyTheNamedEnvironments() {
        List<EnvironmentConfig> selected = Environments.select(Environments.all(), "prod, dev");

        assertEquals(List.of("dev", "prod"), selected.stream().map(EnvironmentConfig::name).toList());
    }

    @Test
    void rejectsAnUnknownEnvironmentListingTheValidOnes() {
        InvalidConfigException error = assertThrows(InvalidConfigException.class,
                () -> Environments.select(Environments.all(), "production"));

        assertEquals("environment selection must name a declared environment: one of "
                + String.join(", ", Environments.all().stream().map(EnvironmentConfig::name).sorted().toList()) + ", got 'production'",
                error.getMessage());
    }

    @Test
    void rejectsTwoEnvironmentsWithTheSameName() {
        EnvironmentConfig dev = Environments.all().get(0);

        InvalidConfigException error = assertThrows(InvalidConfigException.class,
                () -> Environments.requireUnique(List.of(dev, dev)));

        assertTrue(error.getMessage().startsWith("name must be unique across environments"), error.getMessage());
        assertTrue(error.getMessage().endsWith("got 'dev'"), error.getMessage());
    }
}
