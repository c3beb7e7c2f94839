package com.storefront.platform.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.TerraformStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The synthesized Terraform JSON of one stack, with lookups by resource type and assertions that print
 * the whole JSON when they fail.
 */
public final class StackJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String raw;
    private final JsonNode root;

    public StackJson(String raw) {
        this.raw = raw;
        try {
            this.root = JSON.readTree(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Synthesizes {@code stack} (running CDKTF's own validations) and parses the result. */
    public static StackJson synth(TerraformStack stack) {
        return new StackJson(Jsii.locked(() -> Testing.synth(stack, true)));
    }

    public String raw() {
        return raw;
    }

    public JsonNode root() {
        return root;
    }

    /** The node at a JSON pointer such as {@code /terraform/backend/s3}; missing nodes are {@code MissingNode}. */
    public JsonNode at(String pointer) {
        return root.at(pointer);
    }

    /** Every resource of {@code type}, by logical id. */
    public Map<String, JsonNode> resources(String type) {
        return children(root.path("resource").path(type));
    }

    /** Every data source of {@code type}, by logical id. */
    public Map<String, JsonNode> dataSources(String type) {
        return children(root.path("data").path(type));
    }

    /** The resources of {@code type} that match {@code filter}. */
    public List<JsonNode> resources(String type, Predicate<JsonNode> filter) {
        return resources(type).values().stream().filter(filter).toList();
    }

    /** The single resource of {@code type}; fails if there are none or several. */
    public JsonNode onlyResource(String type) {
        Map<String, JsonNode> all = resources(type);
        check(all.size() == 1, "expected exactly one " + type + " but found " + all.keySet());
        return all.values().iterator().next();
    }

    /** The single resource of {@code type} that matches {@code filter}; fails if there are none or several. */
    public JsonNode onlyResource(String type, Predicate<JsonNode> filter) {
        return resources(type).get(logicalId(type, filter));
    }

    /** The output named {@code name}; fails if absent. */
    public JsonNode output(String name) {
        JsonNode output = root.path("output").path(name);
        check(!output.isMissingNode(), "expected output " + name);
        return output;
    }

    /** Fails with {@code message} and the synthesized JSON unless {@code condition} holds. */
    public void check(boolean condition, String message) {
        if (!condition) {
            fail(message + "\n--- synthesized JSON ---\n" + raw);
        }
    }

    /** Asserts, through the CDKTF Testing API, that a resource of {@code type} has {@code properties}. */
    public void assertHasResourceWithProperties(String type, Map<String, ?> properties) {
        check(Jsii.locked(() -> Testing.toHaveResourceWithProperties(raw, type, properties)),
                "expected a " + type + " with " + properties);
    }

    /** The Terraform reference to a resource's attribute, as it appears in the JSON. */
    public static String reference(String type, String logicalId, String attribute) {
        return "${" + type + "." + logicalId + "." + attribute + "}";
    }

    /** The stack's {@code moved} blocks, each as {@code "<from> -> <to>"}, in order. */
    public List<String> moves() {
        List<String> moves = new ArrayList<>();
        root.path("moved").forEach(move -> moves.add(move.path("from").asText() + " -> " + move.path("to").asText()));
        return moves;
    }

    /** The text values of a JSON array, e.g. a resource's {@code depends_on}. */
    public static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** The logical id of the resource of {@code type} matching {@code filter}; fails unless exactly one matches. */
    public String logicalId(String type, Predicate<JsonNode> filter) {
        List<String> ids = new ArrayList<>();
        resources(type).forEach((id, node) -> {
            if (filter.test(node)) {
                ids.add(id);
            }
        });
        check(ids.size() == 1, "expected exactly one matching " + type + " but found " + ids);
        return ids.get(0);
    }

    private static Map<String, JsonNode> children(JsonNode node) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            result.put(entry.getKey(), entry.getValue());
        }
        return result;
    }
}
