package com.storefront.platform.review.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The estimator on small hand-written plan JSON, priced from the bundled table or from a table made here. */
class CostEstimatorTest {

    private static final PriceTable BUNDLED = PriceTable.bundled();
    private static final BigDecimal HOURS = BigDecimal.valueOf(730);
    private static final String US = "us-east-1";

    /** A table with the prices the bundled one cannot confirm, for the types the lead adds next. */
    private static final PriceTable MADE_UP = new PriceTable("USD", 730, "2026-12-02",
            Map.of("test", new PriceTable.Source("https://example.com", "a price made up for a test")),
            List.of(price(PriceItem.RDS_PROXY, "", "0.015"), price(PriceItem.BACKUP_WARM_STORAGE, "rds", "0.095"),
                    price(PriceItem.RDS_DATABASE_INSIGHTS_ADVANCED, "", "0.0125"), price(PriceItem.KMS_KEY, "", "1.00")));

    @Test
    void pricesAMultiAzPrimaryAndItsStorageFromTheTable() {
        String plan = plan(create("aws_db_instance", "primary", """
                {"identifier": "db", "instance_class": "db.t4g.medium", "multi_az": true, "allocated_storage": 20,
                 "storage_type": "gp3", "backup_retention_period": 0}"""));

        CostEstimate estimate = CostEstimator.estimate(plan, BUNDLED);

        BigDecimal expected = BUNDLED.usd(PriceItem.RDS_INSTANCE, US, "db.t4g.medium/multi-az").multiply(HOURS)
                .add(BigDecimal.valueOf(20).multiply(BUNDLED.usd(PriceItem.RDS_STORAGE, US, "gp3/multi-az")));
        assertEquals(0, expected.compareTo(estimate.total().planned()), () -> describe(estimate));
        assertEquals(0, estimate.total().unknownPlanned(), () -> describe(estimate));
    }

    @Test
    void showsAClassChangeAsTheDifferenceOfTheStateBeforeAndAfterThePlan() {
        String plan = plan(update("aws_db_instance", "primary", """
                {"identifier": "db", "instance_class": "db.t4g.small", "multi_az": false, "allocated_storage": 20, "storage_type": "gp3"}""", """
                {"identifier": "db", "instance_class": "db.t4g.medium", "multi_az": false, "allocated_storage": 20, "storage_type": "gp3"}"""));

        CostEstimate estimate = CostEstimator.estimate(plan, BUNDLED);

        BigDecimal expected = BUNDLED.usd(PriceItem.RDS_INSTANCE, US, "db.t4g.medium/single-az")
                .subtract(BUNDLED.usd(PriceItem.RDS_INSTANCE, US, "db.t4g.small/single-az")).multiply(HOURS);
        assertEquals(0, expected.compareTo(estimate.total().change()), () -> describe(estimate));
        assertEquals(0, BigDecimal.ZERO.compareTo(estimate.summary(CostGroup.STORAGE).change()), () -> describe(estimate));
    }

    @Test
    void countsADeletedResourceOnlyBeforeThePlan() {
        String plan = plan(delete("aws_nat_gateway", "nat", "{\"connectivity_type\": \"public\"}"));

        CostEstimate estimate = CostEstimator.estimate(plan, BUNDLED);

        BigDecimal nat = BUNDLED.usd(PriceItem.NAT_GATEWAY, US, "").multiply(HOURS);
        assertEquals(0, nat.negate().compareTo(estimate.summary(CostGroup.NETWORKING).change()), () -> describe(estimate));
    }

    @Test
    void givesAReplicaTheStorageOfItsSourceAndNoBackupsOfItsOwn() {
        String plan = plan(create("aws_db_instance", "primary", """
                {"identifier": "db", "instance_class": "db.t4g.medium", "multi_az": false, "allocated_storage": 50,
                 "storage_type": "gp3", "backup_retention_period": 7}"""),
                create("aws_db_instance", "replica", """
                {"identifier": "db-replica", "instance_class": "db.t4g.medium", "multi_az": false, "replicate_source_db": "db",
                 "allocated_storage": null, "storage_type": null}""", "{\"allocated_storage\": true, \"storage_type\": true}"));

        CostEstimate estimate = CostEstimator.estimate(plan, BUNDLED);

        BigDecimal storage = BigDecimal.valueOf(2 * 50).multiply(BUNDLED.usd(PriceItem.RDS_STORAGE, US, "gp3/single-az"));
        assertEquals(0, storage.compareTo(estimate.summary(CostGroup.STORAGE).planned()), () -> describe(estimate));
        assertEquals(1, estimate.lines().stream().filter(l -> l.item() == PriceItem.RDS_BACKUP_STORAGE).count(), () -> describe(estimate));
    }

    @Test
    void chargesGp3IopsOnlyAboveTheBaselineOfItsSize() {
        String plan = plan(create("aws_db_instance", "primary", """
                {"identifier": "db", "instance_class": "db.t4g.medium", "multi_az": false, "allocated_storage": 500,
                 "storage_type": "gp3", "iops": 15000}"""),
                create("aws_db_instance", "small", """
                {"identifier": "small", "instance_class": "db.t4g.medium", "multi_az": false, "allocated_storage": 100,
                 "storage_type": "gp3", "iops": null}""", "{\"iops\": true}"));

        CostEstimate estimate = CostEstimator.estimate(plan, BUNDLED);

        List<CostLine> iops = estimate.lines().stream().filter(l -> l.item() == PriceItem.RDS_IOPS).toList();
        assertEquals(1, iops.size(), () -> describe(estimate));
        assertEquals(0, BigDecimal.valueOf(15000 - 12000).compareTo(iops.get(0).quantity().orElseThrow()), () -> describe(estimate));
    }

    @Test
    void reportsAClassWithoutAPriceInTheRegionAsUnknownPriceNotAsZero() {
        String plan = planIn("eu-west-1", create("aws_db_instance", "primary", """
                {"identifier": "db", "instance_class": "db.r6g.large", "multi_az": true, "allocated_storage": 100, "storage_type": "gp3"}"""));

        CostEstimate estimate = CostEstimator.estimate(plan, BUNDLED);

        CostLine instance = estimate.lines().stream().filter(l -> l.item() == PriceItem.RDS_INSTANCE).findFirst().orElseThrow();
        assertEquals(CostLine.Status.UNKNOWN_PRICE, instance.status(), () -> describe(estimate));
        assertEquals("eu-west-1", instance.region());
        assertEquals(2, estimate.total().unknownPlanned(), () -> describe(estimate));
    }

    @Test
    void pricesAnInterfaceEndpointPerSubnetAndAGatewayEndpointNotAtAll() {
        String plan = plan(create("aws_vpc_endpoint", "secrets", """
                {"vpc_endpoint_type": "Interface", "service_name": "com.amazonaws.us-east-1.secretsmanager", "subnet_ids": ["a", "b", "c"]}"""),
                create("aws_vpc_endpoint", "s3", "{\"vpc_endpoint_type\": \"Gateway\", \"service_name\": \"com.amazonaws.us-east-1.s3\"}"));

        CostEstimate estimate = CostEstimator.estimate(plan, BUNDLED);

        BigDecimal expected = BigDecimal.valueOf(3).multiply(BUNDLED.usd(PriceItem.INTERFACE_ENDPOINT, US, "")).multiply(HOURS);
        assertEquals(0, expected.compareTo(estimate.total().planned()), () -> describe(estimate));
        assertEquals(1, estimate.lines().size(), () -> describe(estimate));
    }

    @Test
    void countsTheSubnetsAnEndpointsConfigurationReferencesWhenTheirIdsAreUnknown() {
        String plan = """
                {"format_version": "1.2", "configuration": {"provider_config": {"aws": {"expressions": {"region": {"constant_value": "us-east-1"}}}},
                 "root_module": {"resources": [{"address": "aws_vpc_endpoint.secrets", "provider_config_key": "aws",
                   "expressions": {"subnet_ids": {"references": ["aws_subnet.a.id", "aws_subnet.a", "aws_subnet.b.id", "aws_subnet.b"]}}}]}},
                 "resource_changes": [%s]}""".formatted(create("aws_vpc_endpoint", "secrets",
                "{\"vpc_endpoint_type\": \"Interface\", \"subnet_ids\": null}", "{\"subnet_ids\": true}"));

        CostEstimate estimate = CostEstimator.estimate(plan, BUNDLED);

        assertEquals(0, BigDecimal.valueOf(2).compareTo(estimate.lines().get(0).quantity().orElseThrow()), () -> describe(estimate));
    }

    @Test
    void pricesAKeyInTheRegionOfTheProviderItIsMadeWith() {
        String plan = """
                {"format_version": "1.2", "configuration": {"provider_config": {
                   "aws": {"expressions": {"region": {"constant_value": "eu-west-1"}}},
                   "aws.replica": {"alias": "replica", "expressions": {"region": {"references": ["var.replica_region"]}}}},
                 "root_module": {"resources": [{"address": "aws_kms_key.main", "provider_config_key": "aws"},
                   {"address": "aws_kms_key.copy", "provider_config_key": "aws.replica"}]}},
                 "variables": {"replica_region": {"value": "us-east-1"}},
                 "resource_changes": [%s, %s]}""".formatted(create("aws_kms_key", "main", "{}"), create("aws_kms_key", "copy", "{}"));

        CostEstimate estimate = CostEstimator.estimate(plan, BUNDLED);

        assertEquals(List.of("eu-west-1", "us-east-1"), estimate.lines().stream().map(CostLine::region).toList(), () -> describe(estimate));
        assertEquals(0, BigDecimal.valueOf(2).multiply(BUNDLED.usd(PriceItem.KMS_KEY, US, ""))
                .compareTo(estimate.total().planned()), () -> describe(estimate));
    }

    @Test
    void pricesAProxyPerVcpuOfItsTargetsClassWithAMinimumOfTwo() {
        String plan = plan(create("aws_db_instance", "primary", """
                {"identifier": "db", "instance_class": "db.t4g.medium", "multi_az": false, "allocated_storage": 20, "storage_type": "gp3"}"""),
                create("aws_db_instance", "big", """
                {"identifier": "big", "instance_class": "db.r6g.2xlarge", "multi_az": false, "allocated_storage": 20, "storage_type": "gp3"}"""),
                create("aws_db_proxy", "small", "{\"name\": \"small\"}"),
                create("aws_db_proxy_target", "small", "{\"db_proxy_name\": \"small\", \"db_instance_identifier\": \"db\"}"),
                create("aws_db_proxy", "big", "{\"name\": \"big\"}"),
                create("aws_db_proxy_target", "big", "{\"db_proxy_name\": \"big\", \"db_instance_identifier\": \"big\"}"));

        CostEstimate estimate = CostEstimator.estimate(plan, MADE_UP);

        Map<String, BigDecimal> vcpus = estimate.lines().stream().filter(l -> l.item() == PriceItem.RDS_PROXY)
                .collect(Collectors.toMap(CostLine::address, l -> l.quantity().orElseThrow()));
        assertEquals(Map.of("aws_db_proxy.small", BigDecimal.valueOf(2), "aws_db_proxy.big", BigDecimal.valueOf(8)), vcpus);
        BigDecimal expected = BigDecimal.valueOf(2 + 8).multiply(new BigDecimal("0.015")).multiply(HOURS);
        assertEquals(0, expected.compareTo(estimate.summary(CostGroup.DATABASE_INSTANCES).planned()), () -> describe(estimate));
    }

    @Test
    void pricesAProxyWithoutATargetByThePlansOnlyPrimary() {
        String plan = plan(create("aws_db_instance", "primary", """
                {"identifier": "db", "instance_class": "db.m6g.xlarge", "multi_az": true, "allocated_storage": 20, "storage_type": "gp3"}"""),
                create("aws_db_proxy", "proxy", "{\"name\": \"proxy\"}"));

        CostEstimate estimate = CostEstimator.estimate(plan, MADE_UP);

        CostLine proxy = estimate.lines().stream().filter(l -> l.item() == PriceItem.RDS_PROXY).findFirst().orElseThrow();
        assertEquals(0, BigDecimal.valueOf(4).compareTo(proxy.quantity().orElseThrow()), () -> describe(estimate));
    }

    @Test
    void showsABackupPlansWarmStorageAsUnknownVolumeWithItsUnitPriceAndTheVaultAsFree() {
        String plan = plan(create("aws_backup_vault", "vault", "{\"name\": \"vault\"}"),
                create("aws_backup_plan", "plan", "{\"name\": \"daily\"}"));

        CostEstimate estimate = CostEstimator.estimate(plan, MADE_UP);

        assertEquals(1, estimate.lines().size(), () -> describe(estimate));
        CostLine storage = estimate.lines().get(0);
        assertEquals(CostLine.Status.UNKNOWN_VOLUME, storage.status(), () -> describe(estimate));
        assertEquals(new BigDecimal("0.095"), storage.unitPrice().orElseThrow().usd());
        assertEquals(CostGroup.BACKUPS, storage.group());
    }

    @Test
    void chargesDatabaseInsightsAdvancedModeForThePrimaryAndItsStandby() {
        String plan = plan(create("aws_db_instance", "primary", """
                {"identifier": "db", "instance_class": "db.r6g.large", "multi_az": true, "allocated_storage": 20, "storage_type": "gp3",
                 "database_insights_mode": "advanced", "performance_insights_enabled": true, "performance_insights_retention_period": 465}"""));

        CostEstimate estimate = CostEstimator.estimate(plan, MADE_UP);

        CostLine insights = estimate.lines().stream().filter(l -> l.item() == PriceItem.RDS_DATABASE_INSIGHTS_ADVANCED).findFirst().orElseThrow();
        assertEquals(0, BigDecimal.valueOf(2 * 2).compareTo(insights.quantity().orElseThrow()), () -> describe(estimate));
        assertTrue(estimate.lines().stream().noneMatch(l -> l.item() == PriceItem.RDS_PERFORMANCE_INSIGHTS), () -> describe(estimate));
    }

    @Test
    void leavesFreeTypesOutAndListsATypeItDoesNotKnowAsNotPriced() {
        String plan = plan(create("aws_ssm_document", "doc", "{}"), create("aws_ssm_association", "assoc", "{}"),
                create("aws_iam_role", "role", "{}"), create("aws_elasticache_cluster", "cache", "{}"));

        CostEstimate estimate = CostEstimator.estimate(plan, BUNDLED);

        assertEquals(List.of("aws_elasticache_cluster.cache"), estimate.lines().stream().map(CostLine::address).toList());
        assertEquals(CostLine.Status.UNKNOWN_PRICE, estimate.lines().get(0).status());
    }

    @Test
    void showsLogIngestionAsUnknownVolumeWithItsUnitPrice() {
        String plan = plan(create("aws_cloudwatch_log_group", "logs", "{\"name\": \"/aws/rds/db\", \"retention_in_days\": 30}"));

        CostEstimate estimate = CostEstimator.estimate(plan, BUNDLED);

        CostLine line = estimate.lines().get(0);
        assertEquals(CostLine.Status.UNKNOWN_VOLUME, line.status(), () -> describe(estimate));
        assertEquals(BUNDLED.usd(PriceItem.LOG_INGESTION, US, ""), line.unitPrice().orElseThrow().usd());
        assertEquals(0, BigDecimal.ZERO.compareTo(estimate.total().planned()));
    }

    private static Price price(PriceItem item, String variant, String usd) {
        return new Price(item, Price.EVERY_REGION, variant, new BigDecimal(usd), "test", "");
    }

    static String plan(String... changes) {
        return planIn(US, changes);
    }

    static String planIn(String region, String... changes) {
        return """
                {"format_version": "1.2",
                 "configuration": {"provider_config": {"aws": {"name": "aws", "expressions": {"region": {"constant_value": "%s"}}}}},
                 "resource_changes": [%s]}""".formatted(region, String.join(",", changes));
    }

    static String create(String type, String name, String after) {
        return create(type, name, after, "{}");
    }

    static String create(String type, String name, String after, String afterUnknown) {
        return change(type, name, "[\"create\"]", "null", after, afterUnknown);
    }

    static String update(String type, String name, String before, String after) {
        return change(type, name, "[\"update\"]", before, after, "{}");
    }

    static String delete(String type, String name, String before) {
        return change(type, name, "[\"delete\"]", before, "null", "{}");
    }

    private static String change(String type, String name, String actions, String before, String after, String afterUnknown) {
        return """
                {"address": "%1$s.%2$s", "mode": "managed", "type": "%1$s", "name": "%2$s",
                 "change": {"actions": %3$s, "before": %4$s, "after": %5$s, "after_unknown": %6$s}}"""
                .formatted(type, name, actions, before, after, afterUnknown);
    }

    private static String describe(CostEstimate estimate) {
        return estimate.lines().stream().map(l -> l.address() + " " + l.item().id() + " " + l.variant() + " " + l.region() + " "
                + l.quantity().map(BigDecimal::toPlainString).orElse("?") + " " + l.status().label()
                + " " + l.monthlyUsd(730).map(BigDecimal::toPlainString).orElse("-")).collect(Collectors.joining("\n"));
    }
}
