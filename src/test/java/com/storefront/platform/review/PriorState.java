package com.storefront.platform.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a plan that creates everything into the state Terraform would have written had it been applied, so a
 * second plan sees existing resources with no AWS account.
 *
 * <p>Known planned values are copied. Values only AWS would produce (ids, ARNs, endpoints) are unknown in the
 * plan; they get stand-ins by type from the provider schema, except those the configuration takes from another
 * resource (a key's ARN in a database's {@code kms_key_id}), which get the same stand-in as their source, or the
 * second plan would see a change. Sensitive attributes are recorded as such, or Terraform plans an update to
 * mark them.
 */
final class PriorState {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROVIDER = "registry.terraform.io/hashicorp/aws";

    private PriorState() {
    }

    /**
     * @param plan {@code terraform show -json} of a plan that only creates
     * @param schemas {@code terraform providers schema -json}
     */
    static ObjectNode fromPlan(JsonNode plan, JsonNode schemas) {
        JsonNode resourceSchemas = schemas.path("provider_schemas").path(PROVIDER).path("resource_schemas");
        Map<String, JsonNode> changes = new LinkedHashMap<>();
        plan.path("resource_changes").forEach(c -> changes.put(c.path("address").asText(), c.path("change")));
        Map<String, JsonNode> expressions = new LinkedHashMap<>();
        plan.path("configuration").path("root_module").path("resources")
                .forEach(r -> expressions.put(r.path("address").asText(), r.path("expressions")));

        Map<String, ObjectNode> values = new LinkedHashMap<>();
        for (JsonNode resource : plan.path("planned_values").path("root_module").path("resources")) {
            ObjectNode attributes = resource.path("values").deepCopy();
            JsonNode attributeTypes = resourceSchemas.path(resource.path("type").asText()).path("block").path("attributes");
            unknownNames(changes.get(resource.path("address").asText())).forEach(name ->
                    attributes.set(name, standIn(resource, name, attributeTypes.path(name).path("type"))));
            values.put(resource.path("address").asText(), attributes);
        }
        for (JsonNode resource : plan.path("planned_values").path("root_module").path("resources")) {
            String address = resource.path("address").asText();
            JsonNode configured = expressions.getOrDefault(configAddress(resource), JSON.createObjectNode());
            unknownNames(changes.get(address)).forEach(name -> {
                JsonNode references = configured.path(name).path("references");
                if (references.isArray() && !references.isEmpty()) {
                    String reference = references.get(0).asText();
                    int lastDot = reference.lastIndexOf('.');
                    ObjectNode source = values.get(reference.substring(0, Math.max(0, lastDot)));
                    if (source != null && source.has(reference.substring(lastDot + 1))) {
                        values.get(address).set(name, source.get(reference.substring(lastDot + 1)));
                    }
                }
            });
        }

        ObjectNode state = JSON.createObjectNode()
                .put("version", 4)
                .put("terraform_version", plan.path("terraform_version").asText())
                .put("serial", 1)
                .put("lineage", "plan-review-fixture");
        state.putObject("outputs");
        ArrayNode resources = state.putArray("resources");
        Map<String, ArrayNode> instancesByResource = new LinkedHashMap<>();
        for (JsonNode resource : plan.path("planned_values").path("root_module").path("resources")) {
            String type = resource.path("type").asText();
            ArrayNode instances = instancesByResource.computeIfAbsent(configAddress(resource), key -> {
                ObjectNode entry = resources.addObject()
                        .put("mode", "managed")
                        .put("type", type)
                        .put("name", resource.path("name").asText())
                        .put("provider", "provider[\"" + PROVIDER + "\"]");
                return entry.putArray("instances");
            });
            ObjectNode instance = instances.addObject();
            if (resource.has("index")) {
                instance.set("index_key", resource.get("index"));
            }
            instance.put("schema_version", resourceSchemas.path(type).path("version").asInt());
            instance.set("attributes", values.get(resource.path("address").asText()));
            ArrayNode sensitive = instance.putArray("sensitive_attributes");
            changes.get(resource.path("address").asText()).path("after_sensitive").fields().forEachRemaining(field -> {
                if (field.getValue().asBoolean(false)) {
                    sensitive.addArray().addObject().put("type", "get_attr").put("value", field.getKey());
                }
            });
        }
        return state;
    }

    /** The top-level attributes the plan leaves unknown. */
    private static List<String> unknownNames(JsonNode change) {
        List<String> names = new ArrayList<>();
        change.path("after_unknown").fields().forEachRemaining(field -> {
            if (field.getValue().asBoolean(false)) {
                names.add(field.getKey());
            }
        });
        return names;
    }

    /** The address of the resource block, without the instance key: {@code aws_cloudwatch_log_group.audit}. */
    private static String configAddress(JsonNode resource) {
        return resource.path("type").asText() + "." + resource.path("name").asText();
    }

    /** A plausible value of the schema's type; ARNs look like ARNs because the provider validates them. */
    private static JsonNode standIn(JsonNode resource, String name, JsonNode type) {
        String resourceName = resource.path("name").asText();
        if (type.isTextual()) {
            return switch (type.asText()) {
                case "number" -> JSON.getNodeFactory().numberNode(0);
                case "bool" -> JSON.getNodeFactory().booleanNode(false);
                default -> JSON.getNodeFactory().textNode(name.equals("arn") || name.endsWith("_arn")
                        ? "arn:aws:fixture:eu-west-1:123456789012:" + resource.path("type").asText() + "/" + resourceName
                        : resourceName + "-" + name);
            };
        }
        return switch (type.path(0).asText()) {
            case "list", "set" -> JSON.createArrayNode();
            case "map" -> JSON.createObjectNode();
            default -> JSON.getNodeFactory().nullNode();
        };
    }
}
