package com.storefront.platform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.storefront.platform.review.cost.CostEstimate;
import com.storefront.platform.review.cost.CostEstimator;
import com.storefront.platform.review.cost.CostLine;
import com.storefront.platform.review.cost.PriceItem;
import com.storefront.platform.review.cost.PriceTable;
import com.storefront.platform.testing.OfflinePlans;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The estimate of every stack of every environment, from the real offline plans ({@link OfflinePlans}), against a sum
 * computed here from the table's unit prices and the resources each environment is expected to plan. Every environment
 * is in eu-west-1, where the table confirms KMS keys, secrets, NAT gateway hours and the bastion's t3.micro hours: the
 * rest must show as unknown, never as zero. The last two tests price the dev plans as if their provider were in
 * us-east-1, where the table has more prices.
 */
@Tag("terraform")
class CostOfEveryEnvironmentTest {

    private static final PriceTable TABLE = PriceTable.bundled();
    private static final BigDecimal HOURS = BigDecimal.valueOf(TABLE.hoursPerMonth());
    private static final String EU = "eu-west-1";
    private static final String US = "us-east-1";
    private static final BigDecimal KEY = TABLE.usd(PriceItem.KMS_KEY, EU, "");
    private static final BigDecimal SECRET = TABLE.usd(PriceItem.SECRET, EU, "");
    private static final BigDecimal NAT_HOUR = TABLE.usd(PriceItem.NAT_GATEWAY, EU, "");
    private static final BigDecimal BASTION_HOUR = TABLE.usd(PriceItem.EC2_INSTANCE, EU, "t3.micro");

    @Test
    void networkOfEachEnvironmentCostsItsNatGatewaysAndKeyAndShowsAddressesEndpointAndFlowLogsAsUnknown() {
        // environment -> NAT gateways (= Elastic IPs), AZs of the Secrets Manager endpoint
        Map<String, int[]> expected = Map.of("dev", new int[] {1, 2}, "staging", new int[] {1, 3}, "prod", new int[] {3, 3});
        expected.forEach((environment, counts) -> {
            CostEstimate estimate = estimate("network-" + environment);

            BigDecimal total = BigDecimal.valueOf(counts[0]).multiply(NAT_HOUR).multiply(HOURS) // NAT gateways, every hour
                    .add(KEY);                                                                 // flow logs key
            assertEquals(0, total.compareTo(estimate.total().planned()), () -> lines(estimate));
            assertEquals(Map.of("vpc.public-ipv4", counts[0], "vpc.interface-endpoint", 1,
                    "cloudwatch.logs.ingestion", 1), unknownByItem(estimate), () -> lines(estimate));
            CostLine endpoint = estimate.lines().stream().filter(l -> l.item() == PriceItem.INTERFACE_ENDPOINT).findFirst().orElseThrow();
            assertEquals(0, BigDecimal.valueOf(counts[1]).compareTo(endpoint.quantity().orElseThrow()), () -> lines(estimate));
        });
    }

    @Test
    void devDatabaseCostsOneKeyAndOneSecretAndShowsItsSingleAzInstanceAsUnknown() {
        CostEstimate estimate = estimate("database-dev");

        // 1 KMS key + 1 Secrets Manager secret
        assertEquals(0, KEY.add(SECRET).compareTo(estimate.total().planned()), () -> lines(estimate));
        assertEquals(databaseUnknowns(1, 1, 0, alarms("database-dev"), 2, 0), unknownByItem(estimate), () -> lines(estimate));
        assertEquals(Map.of("rds.instance db.t4g.medium/single-az", 1, "rds.storage gp3/single-az", 1), rds(estimate));
    }

    @Test
    void stagingDatabaseCostsOneKeyOneSecretAndItsBastionAndShowsItsMultiAzPrimaryAndReplicaAsUnknown() {
        CostEstimate estimate = estimate("database-staging");

        // 1 KMS key + 1 Secrets Manager secret + 1 t3.micro bastion every hour (its root volume: no EBS price)
        assertEquals(0, KEY.add(SECRET).add(BASTION_HOUR.multiply(HOURS)).compareTo(estimate.total().planned()),
                () -> lines(estimate));
        assertEquals(databaseUnknowns(2, 2, 0, alarms("database-staging"), 4, 1), unknownByItem(estimate), () -> lines(estimate));
        assertEquals(Map.of("rds.instance db.m6g.large/multi-az", 1, "rds.instance db.m6g.large/single-az", 1,
                "rds.storage gp3/multi-az", 1, "rds.storage gp3/single-az", 1), rds(estimate));
    }

    @Test
    void prodDatabaseCostsTwoKeysTwoSecretsAndItsBastionAndShowsItsInstancesProxyBackupsAndPaidInsightsRetentionAsUnknown() {
        CostEstimate estimate = estimate("database-prod");

        // 2 KMS keys (the environment's, and the disaster-recovery copies' in eu-central-1) + 2 Secrets Manager secrets
        // (master, proxy) + 1 t3.micro bastion every hour (its root volume: no EBS price); the RDS Proxy has no eu-west-1
        // price, and AWS Backup's storage depends on the data
        BigDecimal expected = BigDecimal.valueOf(2).multiply(KEY).add(BigDecimal.valueOf(2).multiply(SECRET)).add(BASTION_HOUR.multiply(HOURS));
        assertEquals(0, expected.compareTo(estimate.total().planned()), () -> lines(estimate));
        Map<String, Integer> unknown = databaseUnknowns(3, 3, 3, alarms("database-prod"), 6, 1);
        unknown.put("rds.proxy", 1);
        unknown.put("backup.warm-storage", 1);
        assertEquals(unknown, unknownByItem(estimate), () -> lines(estimate));
        assertEquals(Map.of("rds.instance db.r6g.large/multi-az", 1, "rds.instance db.r6g.large/single-az", 2,
                "rds.storage gp3/multi-az", 1, "rds.storage gp3/single-az", 2, "rds.performance-insights 31d", 3), rds(estimate));
    }

    @Test
    void devDatabasePricedInUsEast1AddsUpFromTheTable() {
        CostEstimate estimate = estimateIn("database-dev", US);

        BigDecimal expected = TABLE.usd(PriceItem.RDS_INSTANCE, US, "db.t4g.medium/single-az").multiply(HOURS) // 1 primary
                .add(BigDecimal.valueOf(20).multiply(TABLE.usd(PriceItem.RDS_STORAGE, US, "gp3/single-az")))   // 20 GB gp3
                .add(TABLE.usd(PriceItem.KMS_KEY, US, ""))                                                     // 1 key
                .add(TABLE.usd(PriceItem.SECRET, US, ""))                                                      // 1 secret
                .add(BigDecimal.valueOf(alarms("database-dev")).multiply(TABLE.usd(PriceItem.ALARM_STANDARD, US, ""))) // alarms
                .add(TABLE.usd(PriceItem.DASHBOARD, US, ""));                                                  // 1 dashboard
        assertEquals(0, expected.compareTo(estimate.total().planned()), () -> lines(estimate));
        // backups beyond the free allowance and log ingestion: unit price, unknown volume; buckets: no S3 price
        assertEquals(Map.of("rds.backup-storage", 1, "cloudwatch.logs.ingestion", 2, "s3.standard-storage", 2),
                unknownByItem(estimate), () -> lines(estimate));
    }

    @Test
    void devNetworkPricedInUsEast1AddsUpFromTheTable() {
        CostEstimate estimate = estimateIn("network-dev", US);

        BigDecimal expected = TABLE.usd(PriceItem.NAT_GATEWAY, US, "").multiply(HOURS)                          // 1 NAT gateway
                .add(TABLE.usd(PriceItem.PUBLIC_IPV4, US, "").multiply(HOURS))                                 // its Elastic IP
                .add(BigDecimal.valueOf(2).multiply(TABLE.usd(PriceItem.INTERFACE_ENDPOINT, US, "")).multiply(HOURS)) // endpoint in 2 AZs
                .add(TABLE.usd(PriceItem.KMS_KEY, US, ""));                                                    // flow logs key
        assertEquals(0, expected.compareTo(estimate.total().planned()), () -> lines(estimate));
        assertEquals(Map.of("cloudwatch.logs.ingestion", 1), unknownByItem(estimate), () -> lines(estimate));
    }

    /**
     * How many metric alarms the stack's plan creates: one line each. The count is the plan's, so that an alarm added to
     * every instance ({@code InstanceAlarms}) needs no edit here; {@code InstanceAlarmsTest} says which alarms there are.
     */
    private static int alarms(String stack) {
        return OfflinePlans.countByType(OfflinePlans.of(stack), "[\"create\"]").getOrDefault("aws_cloudwatch_metric_alarm", 0);
    }

    /** The unknown lines a database stack in eu-west-1 has, by item. */
    private static Map<String, Integer> databaseUnknowns(int instances, int storage, int insights, int alarms, int logGroups,
            int bastions) {
        Map<String, Integer> unknown = new TreeMap<>(Map.of("rds.instance", instances, "rds.storage", storage,
                "rds.backup-storage", 1, "cloudwatch.alarm.standard", alarms, "cloudwatch.dashboard", 1,
                "cloudwatch.logs.ingestion", logGroups, "s3.standard-storage", 2));
        if (insights > 0) {
            unknown.put("rds.performance-insights", insights);
        }
        if (bastions > 0) {
            unknown.put("ec2.ebs-storage", bastions); // the bastion's root volume; its t3.micro hours have a price
        }
        return unknown;
    }

    private static CostEstimate estimate(String stack) {
        return CostEstimator.estimate(OfflinePlans.all().get(stack), TABLE);
    }

    /** The stack's plan with its provider moved to {@code region}: a test of the sums on a real plan. */
    private static CostEstimate estimateIn(String stack, String region) {
        // A copy: the plan is shared with every other test of the run.
        JsonNode plan = OfflinePlans.of(stack).deepCopy();
        ((ObjectNode) plan.path("configuration").path("provider_config").path("aws").path("expressions").path("region"))
                .put("constant_value", region);
        return CostEstimator.estimate(plan, TABLE);
    }

    private static Map<String, Integer> unknownByItem(CostEstimate estimate) {
        return new TreeMap<>(estimate.unknown().stream().filter(CostLine::planned)
                .collect(Collectors.groupingBy(l -> l.item().id(), Collectors.summingInt(l -> 1))));
    }

    private static Map<String, Integer> rds(CostEstimate estimate) {
        return estimate.lines().stream().filter(l -> l.item().id().startsWith("rds.") && !l.variant().isEmpty())
                .collect(Collectors.groupingBy(l -> l.item().id() + " " + l.variant(), TreeMap::new, Collectors.summingInt(l -> 1)));
    }

    private static String lines(CostEstimate estimate) {
        return estimate.lines().stream().map(l -> l.address() + " " + l.item().id() + " " + l.variant() + " " + l.region() + " "
                + l.quantity().map(BigDecimal::toPlainString).orElse("?") + " " + l.status().label()).collect(Collectors.joining("\n"));
    }
}
