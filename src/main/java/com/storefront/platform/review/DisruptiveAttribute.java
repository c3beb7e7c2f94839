package com.storefront.platform.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The attributes whose in-place update interrupts a database's clients, with why, and the resources whose replacement
 * does. This is the one list to review when the stacks grow; reboot-only parameters of a parameter group are found by
 * their apply method.
 */
enum DisruptiveAttribute {

    IDENTIFIER("aws_db_instance", "identifier",
            "renames the instance: its endpoint changes and every client must be pointed at the new one"),
    INSTANCE_CLASS("aws_db_instance", "instance_class",
            "restarts the instance on new hardware: minutes of downtime, or a failover with Multi-AZ"),
    PORT("aws_db_instance", "port",
            "moves PostgreSQL to another port: the instance restarts at once, whatever apply_immediately says, and every"
                    + " client needs the new port"),
    SUBNET_GROUP("aws_db_instance", "db_subnet_group_name",
            "moves the instance into another subnet group: an outage while RDS moves it"),
    REPLICA_SOURCE("aws_db_instance", "replicate_source_db",
            "promotes the replica to a standalone instance: replication stops for good and the instance reboots"),
    MULTI_AZ("aws_db_instance", "multi_az",
            "adds or removes the standby: I/O is slowed while it is built, and without it a zone outage is an outage"),
    STORAGE_TYPE("aws_db_instance", "storage_type",
            "migrates the storage: I/O is degraded, for hours on large volumes"),
    ALLOCATED_STORAGE("aws_db_instance", "allocated_storage", DisruptiveAttribute.STORAGE_OPTIMIZATION),
    IOPS("aws_db_instance", "iops", DisruptiveAttribute.STORAGE_OPTIMIZATION),
    STORAGE_THROUGHPUT("aws_db_instance", "storage_throughput", DisruptiveAttribute.STORAGE_OPTIMIZATION),
    ENGINE_VERSION("aws_db_instance", "engine_version",
            "upgrades PostgreSQL: the instance restarts (longer for a major version, which also needs new extensions)"),
    PARAMETER_GROUP("aws_db_instance", "parameter_group_name",
            "attaches another parameter group: none of its values, static or dynamic, apply until the instance is rebooted"
                    + " by hand, which nothing here does: plan the reboot"),
    CA_CERTIFICATE("aws_db_instance", "ca_cert_identifier",
            "rotates the server certificate: the instance restarts, and clients verifying TLS must trust the new CA"),
    MASTER_PASSWORD("aws_db_instance", "password_wo_version",
            "rotates the master password: sessions logging in as the master user need the new one from the secret"),
    PROXY_NAME("aws_db_proxy", "name",
            "renames the RDS Proxy: its endpoint changes and every client must be pointed at the new one");

    /** Why a change of the storage's size, IOPS or throughput is disruptive. */
    private static final String STORAGE_OPTIMIZATION = "modifies the storage: RDS optimizes it for hours afterwards, with I/O"
            + " possibly degraded, and takes no other storage change for six hours";

    /**
     * The resources that hold no data (so the guard lets them be replaced) but whose replacement interrupts clients, with
     * what they see.
     */
    private static final Map<String, String> DISRUPTIVE_REPLACEMENTS = Map.of(
            "aws_db_proxy", "replaces the RDS Proxy: every connection through it fails until the new proxy is available (minutes),"
                    + " and its endpoint may change",
            "aws_db_proxy_default_target_group", "replaces the proxy's connection pool settings: connections through it are"
                    + " dropped and the pool starts empty",
            "aws_db_proxy_target", "deregisters the database from the RDS Proxy until it is registered again: connections"
                    + " through the proxy fail meanwhile");

    /** Why a parameter whose apply method is {@code pending-reboot} is disruptive. */
    static final String REBOOT_PARAMETER = "applies only when every instance using the group reboots: plan the restart";

    private final String resourceType;
    private final String attribute;
    private final String why;

    DisruptiveAttribute(String resourceType, String attribute, String why) {
        this.resourceType = resourceType;
        this.attribute = attribute;
        this.why = why;
    }

    /** The disruption of replacing a resource of {@code resourceType}, if that interrupts clients. */
    static List<Disruption> ofReplacement(String resourceType) {
        return DISRUPTIVE_REPLACEMENTS.containsKey(resourceType)
                ? List.of(new Disruption("(replaced)", DISRUPTIVE_REPLACEMENTS.get(resourceType)))
                : List.of();
    }

    /**
     * The disruptions of one in-place update of a {@code resourceType}, from the plan's {@code change} object
     * ({@code before} and {@code after}); values are compared, never copied out.
     */
    static List<Disruption> of(String resourceType, JsonNode change) {
        JsonNode before = change.path("before");
        JsonNode after = change.path("after");
        List<Disruption> disruptions = new ArrayList<>();
        Arrays.stream(values())
                .filter(d -> d.resourceType.equals(resourceType) && !before.path(d.attribute).equals(after.path(d.attribute)))
                .forEach(d -> disruptions.add(new Disruption(d.attribute, d.why)));
        if (resourceType.equals("aws_db_parameter_group")) {
            Map<String, JsonNode> old = parametersByName(before);
            Map<String, JsonNode> current = parametersByName(after);
            current.forEach((name, parameter) -> {
                if (!parameter.equals(old.get(name)) && parameter.path("apply_method").asText().equals("pending-reboot")) {
                    disruptions.add(new Disruption("parameter " + name, REBOOT_PARAMETER));
                }
            });
            old.forEach((name, parameter) -> {
                if (!current.containsKey(name) && parameter.path("apply_method").asText().equals("pending-reboot")) {
                    disruptions.add(new Disruption("parameter " + name + " (reset to its default)", REBOOT_PARAMETER));
                }
            });
        }
        return disruptions;
    }

    private static Map<String, JsonNode> parametersByName(JsonNode attributes) {
        Map<String, JsonNode> parameters = new TreeMap<>();
        attributes.path("parameter").forEach(p -> parameters.put(p.path("name").asText(), p));
        return parameters;
    }
}
