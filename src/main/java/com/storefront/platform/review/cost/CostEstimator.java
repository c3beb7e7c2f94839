package com.storefront.platform.review.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Estimates the monthly cost of a stack from the JSON of its plan ({@code terraform show -json}): every managed
 * resource in {@code resource_changes}, its state before the plan ({@code change.before}) and the state the plan makes
 * ({@code change.after}), priced from a {@link PriceTable}. Nothing comes from the Java configuration, so the estimate
 * is of what Terraform will really create, and a change shows as the difference of the two states.
 *
 * <p>The region of each resource is its own {@code region} attribute when it has one, else the region of the provider
 * configuration it uses ({@code configuration.provider_config}, a constant or a variable), so a key made through a
 * second-region provider is priced in that region.
 *
 * <p>Priced: {@code aws_db_instance} (class and Multi-AZ, replicas with their source's storage, gp3 IOPS and throughput
 * above the baseline, backup storage beyond the free allowance, paid Performance Insights retention or Database
 * Insights advanced mode), {@code aws_db_proxy} (per vCPU of its target's class, at least 2), {@code aws_nat_gateway},
 * {@code aws_eip}, interface {@code aws_vpc_endpoint}s (per subnet, i.e. per AZ; gateway endpoints are free),
 * {@code aws_kms_key} and {@code aws_kms_replica_key}, {@code aws_secretsmanager_secret}, {@code aws_cloudwatch_metric_alarm},
 * {@code aws_cloudwatch_dashboard}, {@code aws_instance} and its root volume; with a unit price and an unknown volume:
 * {@code aws_cloudwatch_log_group} (ingestion), {@code aws_s3_bucket} (storage) and {@code aws_backup_plan} (warm
 * storage). Free types ({@link #FREE_TYPES}) are left out; any other type is listed as not priced.
 */
public final class CostEstimator {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** gp3 below this allocated size has a fixed baseline and cannot set IOPS or throughput (RDS User Guide, gp3 storage). */
    private static final int GP3_LARGE_VOLUME_GIB = 400;
    private static final Map<Boolean, int[]> GP3_BASELINE = Map.of(false, new int[] {3000, 125}, true, new int[] {12000, 500});

    /**
     * Types with no charge of their own, or only usage charges too small to estimate (SNS and KMS requests, a rotation
     * function's invocations): left out of the estimate. A type starting with one of the prefixes ending in {@code _}
     * counts too.
     */
    static final Set<String> FREE_TYPES = Set.of(
            "aws_vpc", "aws_subnet", "aws_internet_gateway", "aws_route", "aws_route_table", "aws_route_table_association",
            "aws_security_group", "aws_security_group_rule", "aws_default_security_group", "aws_vpc_security_group_",
            "aws_iam_", "aws_kms_alias", "aws_db_parameter_group", "aws_db_subnet_group", "aws_db_event_subscription",
            "aws_db_proxy_target", "aws_db_proxy_default_target_group", "aws_sns_topic", "aws_sns_topic_policy",
            "aws_sns_topic_subscription", "aws_s3_bucket_", "aws_secretsmanager_secret_version",
            "aws_secretsmanager_secret_rotation", "aws_secretsmanager_secret_policy", "aws_flow_log", "aws_ssm_document",
            "aws_ssm_association", "aws_backup_vault", "aws_backup_vault_policy", "aws_backup_selection",
            "aws_serverlessapplicationrepository_cloudformation_stack", "aws_lambda_permission", "aws_cloudwatch_event_rule",
            "aws_cloudwatch_event_target");

    private CostEstimator() {
    }

    /**
     * @throws IllegalArgumentException when the text is not JSON
     */
    public static CostEstimate estimate(String planJson, PriceTable table) {
        try {
            return estimate(JSON.readTree(planJson), table);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not the JSON of a Terraform plan: " + e.getOriginalMessage(), e);
        }
    }

    public static CostEstimate estimate(JsonNode plan, PriceTable table) {
        Plan context = new Plan(plan);
        List<CostLine> lines = new ArrayList<>();
        for (JsonNode resource : plan.path("resource_changes")) {
            if (!resource.path("mode").asText().equals("managed") || isFree(resource.path("type").asText())) {
                continue;
            }
            JsonNode change = resource.path("change");
            if (change.path("before").isObject()) {
                new Charges(context, table, resource, change.path("before"), MissingNode.getInstance(), false, lines).add();
            }
            if (change.path("after").isObject()) {
                new Charges(context, table, resource, change.path("after"), change.path("after_unknown"), true, lines).add();
            }
        }
        return new CostEstimate(lines, table);
    }

    static boolean isFree(String type) {
        return FREE_TYPES.contains(type)
                || FREE_TYPES.stream().anyMatch(free -> free.endsWith("_") && type.startsWith(free));
    }

    /** What the whole plan says that pricing one resource needs: regions, and the database instances by identifier. */
    private static final class Plan {

        private final Map<String, String> providerRegions = new HashMap<>();
        private final Map<String, String> resourceProviders = new HashMap<>();
        private final Map<String, JsonNode> configurations = new HashMap<>();
        private final Map<Boolean, Map<String, JsonNode>> instances = Map.of(false, new HashMap<>(), true, new HashMap<>());
        private final Map<Boolean, List<JsonNode>> proxyTargets = Map.of(false, new ArrayList<>(), true, new ArrayList<>());

        Plan(JsonNode plan) {
            JsonNode variables = plan.path("variables");
            plan.path("configuration").path("provider_config").fields().forEachRemaining(entry -> {
                JsonNode region = entry.getValue().path("expressions").path("region");
                String value = region.path("constant_value").asText("");
                if (value.isEmpty() && region.path("references").size() > 0) {
                    String reference = region.path("references").get(0).asText();
                    if (reference.startsWith("var.")) {
                        value = variables.path(reference.substring(4)).path("value").asText("");
                    }
                }
                providerRegions.put(entry.getKey(), value);
            });
            readModule(plan.path("configuration").path("root_module"), "");
            for (JsonNode resource : plan.path("resource_changes")) {
                for (boolean planned : new boolean[] {false, true}) {
                    JsonNode state = resource.path("change").path(planned ? "after" : "before");
                    if (!state.isObject()) {
                        continue;
                    }
                    switch (resource.path("type").asText()) {
                        case "aws_db_instance" -> instances.get(planned).put(state.path("identifier").asText(), state);
                        case "aws_db_proxy_target" -> proxyTargets.get(planned).add(state);
                        default -> { }
                    }
                }
            }
        }

        private void readModule(JsonNode module, String prefix) {
            for (JsonNode resource : module.path("resources")) {
                String address = prefix + resource.path("address").asText();
                resourceProviders.put(address, resource.path("provider_config_key").asText(""));
                configurations.put(address, resource);
            }
            module.path("module_calls").fields().forEachRemaining(call ->
                    readModule(call.getValue().path("module"), prefix + "module." + call.getKey() + "."));
        }

        /** The resource's own {@code region}, else its provider configuration's; empty when neither says. */
        String region(JsonNode resource, JsonNode state) {
            String own = state.path("region").asText("");
            if (!own.isEmpty()) {
                return own;
            }
            String key = resourceProviders.get(configAddress(resource));
            if (key != null && providerRegions.containsKey(key)) {
                return providerRegions.get(key);
            }
            List<String> known = providerRegions.values().stream().filter(r -> !r.isEmpty()).distinct().toList();
            return known.size() == 1 ? known.get(0) : "";
        }

        JsonNode configuration(JsonNode resource) {
            return configurations.getOrDefault(configAddress(resource), MissingNode.getInstance());
        }

        /** The database instance a replica's {@code replicate_source_db} names (an identifier or an ARN), on the same side. */
        Optional<JsonNode> instance(String identifierOrArn, boolean planned) {
            String identifier = identifierOrArn.contains(":db:")
                    ? identifierOrArn.substring(identifierOrArn.lastIndexOf(":db:") + 4) : identifierOrArn;
            return Optional.ofNullable(instances.get(planned).get(identifier));
        }

        /** The instance class an RDS Proxy targets: its target's instance, else the plan's only primary instance. */
        Optional<String> proxyTargetClass(String proxyName, boolean planned) {
            for (JsonNode target : proxyTargets.get(planned)) {
                if (target.path("db_proxy_name").asText().equals(proxyName) && target.hasNonNull("db_instance_identifier")) {
                    return instance(target.path("db_instance_identifier").asText(), planned)
                            .map(i -> i.path("instance_class").asText(null));
                }
            }
            List<JsonNode> primaries = instances.get(planned).values().stream()
                    .filter(i -> i.path("replicate_source_db").asText("").isEmpty()).toList();
            return primaries.size() == 1 ? Optional.ofNullable(primaries.get(0).path("instance_class").asText(null)) : Optional.empty();
        }

        private static String configAddress(JsonNode resource) {
            return resource.path("address").asText().replaceAll("\\[[^\\]]*\\]", "");
        }
    }

    /** The charges of one resource in one state. */
    private static final class Charges {

        private final Plan plan;
        private final PriceTable table;
        private final JsonNode resource;
        private final JsonNode state;
        private final JsonNode unknown;
        private final boolean planned;
        private final List<CostLine> lines;
        private final String region;

        Charges(Plan plan, PriceTable table, JsonNode resource, JsonNode state, JsonNode unknown, boolean planned,
                List<CostLine> lines) {
            this.plan = plan;
            this.table = table;
            this.resource = resource;
            this.state = state;
            this.unknown = unknown;
            this.planned = planned;
            this.lines = lines;
            this.region = plan.region(resource, state);
        }

        void add() {
            switch (resource.path("type").asText()) {
                case "aws_db_instance" -> dbInstance();
                case "aws_db_proxy" -> dbProxy();
                case "aws_nat_gateway" -> line(CostGroup.NETWORKING, PriceItem.NAT_GATEWAY, "",
                        "NAT gateway (data processed is extra)", one());
                case "aws_eip" -> line(CostGroup.NETWORKING, PriceItem.PUBLIC_IPV4, "", "Elastic IP (public IPv4 address)", one());
                case "aws_vpc_endpoint" -> vpcEndpoint();
                case "aws_kms_key", "aws_kms_replica_key", "aws_kms_external_key" -> line(CostGroup.ENCRYPTION_AND_SECRETS,
                        PriceItem.KMS_KEY, "", "KMS customer managed key" + (region.isEmpty() ? "" : " in " + region), one());
                case "aws_secretsmanager_secret" -> line(CostGroup.ENCRYPTION_AND_SECRETS, PriceItem.SECRET, "",
                        "Secrets Manager secret", one());
                case "aws_cloudwatch_metric_alarm" -> alarm();
                case "aws_cloudwatch_dashboard" -> line(CostGroup.MONITORING, PriceItem.DASHBOARD, "", "CloudWatch dashboard", one());
                case "aws_cloudwatch_log_group" -> line(CostGroup.MONITORING, PriceItem.LOG_INGESTION, "",
                        "log ingestion into " + text("name").orElse("a log group") + ": volume unknown (depends on traffic and"
                                + " log settings); retention " + text("retention_in_days").map(d -> d.equals("0") ? "never expires" : d + " days")
                                .orElse("unknown") + ", storage not estimated", Optional.empty());
                case "aws_s3_bucket" -> line(CostGroup.STORAGE, PriceItem.S3_STORAGE, "",
                        "S3 storage in " + text("bucket").orElse("the bucket") + ": depends on the data stored", Optional.empty());
                case "aws_backup_plan" -> line(CostGroup.BACKUPS, PriceItem.BACKUP_WARM_STORAGE, "rds",
                        "AWS Backup warm storage of " + text("name").orElse("the plan") + "'s recovery points: depends on the data",
                        Optional.empty());
                case "aws_instance" -> ec2Instance();
                default -> line(CostGroup.OTHER, PriceItem.NOT_PRICED, "", "resource type not priced by this estimate", one());
            }
        }

        private void dbInstance() {
            String instanceClass = text("instance_class").orElse("");
            boolean multiAz = state.path("multi_az").asBoolean(false);
            String deployment = multiAz ? "multi-az" : "single-az";
            String sourceDb = text("replicate_source_db").orElse("");
            boolean replica = !sourceDb.isEmpty() || unknown.path("replicate_source_db").asBoolean(false);
            Optional<JsonNode> source = replica ? plan.instance(sourceDb, planned) : Optional.empty();
            String role = replica ? "read replica" : "primary";
            line(CostGroup.DATABASE_INSTANCES, PriceItem.RDS_INSTANCE, instanceClass + "/" + deployment,
                    instanceClass + " " + (multiAz ? "Multi-AZ " + role + " (primary and standby)" : "Single-AZ " + role), one());

            Optional<BigDecimal> gib = number("allocated_storage").or(() -> source.flatMap(s -> number(s, "allocated_storage")));
            String storageType = text("storage_type").or(() -> source.flatMap(s -> text(s, "storage_type"))).orElse("");
            String variant = storageType + "/" + deployment;
            line(CostGroup.STORAGE, PriceItem.RDS_STORAGE, variant, (storageType.isEmpty() ? "storage" : storageType + " storage")
                    + gib.map(g -> ", " + g.toPlainString() + " GB").orElse(", size unknown") + (multiAz ? " (primary and standby)" : ""), gib);
            if (storageType.equals("gp3")) {
                int[] baseline = GP3_BASELINE.get(gib.map(g -> g.intValue() >= GP3_LARGE_VOLUME_GIB).orElse(false));
                number("iops").map(i -> i.subtract(BigDecimal.valueOf(baseline[0]))).filter(extra -> extra.signum() > 0)
                        .ifPresent(extra -> line(CostGroup.STORAGE, PriceItem.RDS_IOPS, variant,
                                "gp3 IOPS above the " + baseline[0] + " baseline", Optional.of(extra)));
                number("storage_throughput").map(t -> t.subtract(BigDecimal.valueOf(baseline[1]))).filter(extra -> extra.signum() > 0)
                        .ifPresent(extra -> line(CostGroup.STORAGE, PriceItem.RDS_THROUGHPUT, variant,
                                "gp3 throughput above the " + baseline[1] + " MiBps baseline", Optional.of(extra)));
            } else if (storageType.startsWith("io")) {
                number("iops").ifPresent(iops -> line(CostGroup.STORAGE, PriceItem.RDS_IOPS, variant,
                        storageType + " provisioned IOPS", Optional.of(iops)));
            }
            int retention = state.path("backup_retention_period").asInt(0);
            if (!replica && retention > 0) {
                line(CostGroup.BACKUPS, PriceItem.RDS_BACKUP_STORAGE, "", "automated backups kept " + retention + " days: storage"
                        + " beyond the free allowance (100% of provisioned storage) depends on data change", Optional.empty());
            }
            Optional<BigDecimal> vcpus = Vcpus.of(instanceClass).map(v -> BigDecimal.valueOf(multiAz ? 2L * v : v));
            String perVcpu = multiAz ? " (vCPUs of primary and standby)" : "";
            int piRetention = state.path("performance_insights_retention_period").asInt(0);
            if (text("database_insights_mode").orElse("").equals("advanced")) {
                line(CostGroup.MONITORING, PriceItem.RDS_DATABASE_INSIGHTS_ADVANCED, "", "Database Insights advanced mode"
                        + perVcpu, vcpus);
            } else if (state.path("performance_insights_enabled").asBoolean(false) && piRetention > 7) {
                line(CostGroup.MONITORING, PriceItem.RDS_PERFORMANCE_INSIGHTS, piRetention + "d", "Performance Insights retention of "
                        + piRetention + " days (paid beyond 7)" + perVcpu, vcpus);
            }
        }

        private void dbProxy() {
            Optional<String> targetClass = plan.proxyTargetClass(text("name").orElse(""), planned);
            Optional<BigDecimal> vcpus = targetClass.flatMap(Vcpus::of).map(v -> BigDecimal.valueOf(Math.max(2, v)));
            line(CostGroup.DATABASE_INSTANCES, PriceItem.RDS_PROXY, "", "RDS Proxy for " + targetClass.orElse("an unknown class")
                    + " (per vCPU of the target, at least 2)", vcpus);
        }

        private void vpcEndpoint() {
            String type = text("vpc_endpoint_type").orElse("Gateway");
            if (type.equals("Gateway")) {
                return;
            }
            if (!type.equals("Interface")) {
                line(CostGroup.NETWORKING, PriceItem.NOT_PRICED, "", type + " VPC endpoint: not priced by this estimate", one());
                return;
            }
            Optional<BigDecimal> zones = state.path("subnet_ids").isArray()
                    ? Optional.of(BigDecimal.valueOf(state.path("subnet_ids").size())) : configuredSubnets();
            line(CostGroup.NETWORKING, PriceItem.INTERFACE_ENDPOINT, "", "interface endpoint "
                    + text("service_name").orElse("") + " in " + zones.map(z -> z.toPlainString() + " AZ(s)").orElse("unknown AZs")
                    + " (data processed is extra)", zones);
        }

        /** The subnets a planned endpoint's configuration references, when their ids are known only after apply. */
        private Optional<BigDecimal> configuredSubnets() {
            JsonNode references = plan.configuration(resource).path("expressions").path("subnet_ids").path("references");
            long subnets = 0;
            for (JsonNode reference : references) {
                String text = reference.asText();
                if (text.startsWith("aws_subnet.") && !text.endsWith(".id")) {
                    subnets++;
                }
            }
            return subnets > 0 ? Optional.of(BigDecimal.valueOf(subnets)) : Optional.empty();
        }

        private void alarm() {
            boolean highResolution = state.path("period").isNumber() && state.path("period").asInt() < 60;
            line(CostGroup.MONITORING, highResolution ? PriceItem.ALARM_HIGH_RESOLUTION : PriceItem.ALARM_STANDARD, "",
                    (highResolution ? "high-resolution" : "standard") + " CloudWatch alarm", one());
        }

        private void ec2Instance() {
            String type = text("instance_type").orElse("");
            line(CostGroup.COMPUTE, PriceItem.EC2_INSTANCE, type, "EC2 " + type + " instance (Linux)", one());
            JsonNode root = state.path("root_block_device").path(0);
            String volumeType = root.path("volume_type").asText("");
            Optional<BigDecimal> size = root.path("volume_size").isNumber() ? Optional.of(root.path("volume_size").decimalValue())
                    : Optional.empty();
            line(CostGroup.COMPUTE, PriceItem.EBS_STORAGE, volumeType, "root volume " + volumeType + ", "
                    + size.map(s -> s.toPlainString() + " GB").orElse("size from the image, unknown until apply"), size);
        }

        private void line(CostGroup group, PriceItem item, String variant, String description, Optional<BigDecimal> quantity) {
            Optional<Price> price = item == PriceItem.NOT_PRICED || region.isEmpty() ? Optional.empty()
                    : table.find(item, region, variant);
            lines.add(new CostLine(resource.path("address").asText(), resource.path("type").asText(), group, item, variant,
                    description, region, planned, quantity, price));
        }

        private static Optional<BigDecimal> one() {
            return Optional.of(BigDecimal.ONE);
        }

        private Optional<String> text(String name) {
            return text(state, name).filter(t -> !unknown.path(name).asBoolean(false));
        }

        private Optional<BigDecimal> number(String name) {
            return unknown.path(name).asBoolean(false) ? Optional.empty() : number(state, name);
        }

        private static Optional<String> text(JsonNode node, String name) {
            JsonNode value = node.path(name);
            return value.isValueNode() && !value.isNull() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
        }

        private static Optional<BigDecimal> number(JsonNode node, String name) {
            JsonNode value = node.path(name);
            return value.isNumber() ? Optional.of(value.decimalValue()) : Optional.empty();
        }
    }
}
