package com.storefront.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DisasterRecoveryConfigTest {

    @Test
    void prodCopiesThirtyFiveDailiesAndAYearOfMonthliesToFrankfurt() {
        DatabaseConfig prod = valid(Tier.PROD, d -> d);

        assertEquals(new DisasterRecoveryConfig("eu-central-1", 35, 365), prod.backups().disasterRecovery());
    }

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"DEV", "STAGING"})
    void devAndStagingHaveNoDisasterRecoveryBackups(Tier tier) {
        DatabaseConfig database = valid(tier, d -> d);

        assertNull(database.backups().disasterRecovery());
    }

    @Test
    void acceptsDisasterRecoveryInAnUnprotectedTier() {
        DatabaseConfig dev = valid(Tier.DEV, d -> d.backups(b -> b.disasterRecovery(new DisasterRecoveryConfig("eu-west-2", 7, 30))));

        assertEquals("eu-west-2", dev.backups().disasterRecovery().region());
    }

    @Test
    void rejectsTheEnvironmentsOwnRegion() {
        assertRejected(Tier.PROD, d -> d.backups(b -> b.disasterRecovery(new DisasterRecoveryConfig("eu-west-1", 35, 365))),
                "database.backups.disasterRecovery.region must be another region than the environment's own (eu-west-1)",
                "e.g. eu-central-1", "got 'eu-west-1'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-central-3", "ap-southeast-6", "cn-north-1", "EU-CENTRAL-1"})
    void rejectsARegionTheProviderDoesNotKnow(String region) {
        assertRejected(Tier.PROD, d -> d.backups(b -> b.disasterRecovery(new DisasterRecoveryConfig(region, 35, 365))),
                "database.backups.disasterRecovery.region must be an AWS region name like eu-west-1", "got '" + region + "'");
    }

    @Test
    void rejectsADailyRetentionBelowOneDay() {
        assertRejected(Tier.PROD, d -> d.backups(b -> b.disasterRecovery(new DisasterRecoveryConfig("eu-central-1", 0, 365))),
                "database.backups.disasterRecovery.dailyRetentionDays must be at least 1 day", "got 0");
    }

    @Test
    void rejectsAMonthlyRetentionBelowOneDay() {
        assertRejected(Tier.PROD, d -> d.backups(b -> b.disasterRecovery(new DisasterRecoveryConfig("eu-central-1", 35, -1))),
                "database.backups.disasterRecovery.monthlyRetentionDays must be at least 1 day", "got -1");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 90, 36500})
    void acceptsEveryRetentionAwsBackupTakesForSnapshots(int days) {
        DatabaseConfig prod = valid(Tier.PROD, d -> d.backups(b -> b.disasterRecovery(new DisasterRecoveryConfig("eu-central-1", days, days))));

        assertEquals(days, prod.backups().disasterRecovery().monthlyRetentionDays());
    }

    @Test
    void keepsDisasterRecoveryThroughToBuilder() {
        DatabaseConfig prod = valid(Tier.PROD, d -> d);

        DatabaseConfig rebuilt = prod.toBuilder().build();

        assertEquals(prod.backups().disasterRecovery(), rebuilt.backups().disasterRecovery());
    }

    private static EnvironmentConfig.Builder environment(Tier tier, UnaryOperator<DatabaseConfig.Builder> overrides) {
        String name = tier.name().toLowerCase();
        return EnvironmentConfig.builder(name, tier)
                .region("eu-west-1")
                .accountId("444444444444")
                .stateBucket("storefront-" + name + "-tfstate")
                .network(n -> n.vpcCidr("10.40.0.0/16"))
                .database(d -> d.observability(o -> o.alarmEmails("oncall@example.com")))
                .database(overrides);
    }

    private static DatabaseConfig valid(Tier tier, UnaryOperator<DatabaseConfig.Builder> overrides) {
        return environment(tier, overrides).build().database();
    }

    private static void assertRejected(Tier tier, UnaryOperator<DatabaseConfig.Builder> overrides, String... fragments) {
        String name = tier.name().toLowerCase();
        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> environment(tier, overrides).build());
        for (String fragment : fragments) {
            assertTrue(error.getMessage().contains(fragment), "message should contain '" + fragment + "' but was: " + error.getMessage());
        }
        assertTrue(error.getMessage().startsWith("environment '" + name + "': "), error.getMessage());
    }
}
