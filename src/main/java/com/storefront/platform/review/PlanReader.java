package com.storefront.platform.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the JSON of a saved plan ({@code terraform show -json <planfile>}) into {@link ResourceChange}s.
 *
 * <p>The plan JSON holds sensitive values in clear text, marked only in {@code before_sensitive} and
 * {@code after_sensitive}; this reader compares them but never copies a value out, so no review built from
 * its output can show one.
 */
public final class PlanReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The action reason of a resource the refresh found gone ({@link ResourceChange#cause()} words it). */
    static final String VANISHED = "vanished_from_refresh";

    private PlanReader() {
    }

    /**
     * The managed resources the plan creates, updates, replaces, deletes or forgets, in plan order, after those the
     * refresh found gone ({@link #VANISHED}), each as a delete. Data sources and no-ops are left out.
     *
     * @throws IllegalArgumentException when the text is not a plan's JSON, or holds an action this reader does not know
     */
    public static List<ResourceChange> read(String planJson) {
        JsonNode plan;
        try {
            plan = JSON.readTree(planJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not the JSON of a Terraform plan: " + e.getOriginalMessage(), e);
        }
        if (plan == null || !plan.has("format_version")) {
            throw new IllegalArgumentException("not the JSON of a Terraform plan: no format_version");
        }
        List<ResourceChange> changes = new ArrayList<>();
        // The refresh drops from state what it no longer finds where the configuration looks, so the plan's own changes
        // never show it: an object deleted outside Terraform, or one left behind in another region or account. Only the
        // drift does, and the plan may create an empty one in its place.
        for (JsonNode drifted : plan.path("resource_drift")) {
            if (drifted.path("mode").asText().equals("managed") && drifted.at("/change/actions").toString().equals("[\"delete\"]")) {
                changes.add(new ResourceChange(drifted.path("address").asText(), drifted.path("type").asText(), Action.DELETE, List.of(),
                        VANISHED, List.of(), List.of(), tagChanges(drifted.path("change"), Action.DELETE), List.of(), List.of()));
            }
        }
        for (JsonNode resource : plan.path("resource_changes")) {
            if (resource.path("mode").asText().equals("managed")) {
                toChange(resource).ifPresent(changes::add);
            }
        }
        return changes;
    }

    private static Optional<ResourceChange> toChange(JsonNode resource) {
        JsonNode change = resource.path("change");
        List<String> actions = new ArrayList<>();
        change.path("actions").forEach(a -> actions.add(a.asText()));
        return Action.fromTerraform(actions).map(action -> {
            List<String> replacePaths = new ArrayList<>();
            Set<String> forcing = new LinkedHashSet<>();
            change.path("replace_paths").forEach(path -> {
                replacePaths.add(renderPath(path));
                forcing.add(path.path(0).asText());
            });
            Attributes attributes = compare(change, action, forcing);
            return new ResourceChange(
                    resource.path("address").asText(),
                    resource.path("type").asText(),
                    action,
                    replacePaths,
                    resource.path("action_reason").asText(""),
                    attributes.changed(),
                    attributes.sensitive(),
                    tagChanges(change, action),
                    disruptions(action, resource.path("type").asText(), change),
                    action == Action.UPDATE ? DataLosingUpdate.of(resource.path("type").asText(), change) : List.of());
        });
    }

    private static List<Disruption> disruptions(Action action, String type, JsonNode change) {
        return switch (action) {
            case UPDATE -> DisruptiveAttribute.of(type, change);
            case REPLACE_DELETE_FIRST, REPLACE_CREATE_FIRST -> DisruptiveAttribute.ofReplacement(type);
            case CREATE, DELETE, FORGET -> List.of();
        };
    }

    /**
     * A path of {@code replace_paths} as a reviewer writes it: attribute and map-key steps joined with dots,
     * list indexes in brackets, e.g. {@code tags.Name} or {@code ebs_block_device[0].volume_size}.
     */
    static String renderPath(JsonNode path) {
        StringBuilder rendered = new StringBuilder();
        for (JsonNode step : path) {
            if (step.isNumber()) {
                rendered.append('[').append(step.asInt()).append(']');
            } else {
                if (rendered.length() > 0) {
                    rendered.append('.');
                }
                rendered.append(step.asText());
            }
        }
        return rendered.toString();
    }

    private record Attributes(List<String> changed, List<String> sensitive) {
    }

    /** The changed attributes, sensitive or not, leaving out those in {@code forcing}, already named as the cause. */
    private static Attributes compare(JsonNode change, Action action, Set<String> forcing) {
        List<String> changed = new ArrayList<>();
        List<String> sensitive = new ArrayList<>();
        if (action == Action.DELETE || action == Action.FORGET) {
            return new Attributes(changed, sensitive);
        }
        JsonNode before = change.path("before");
        JsonNode after = change.path("after");
        JsonNode afterUnknown = change.path("after_unknown");
        for (String name : attributeNames(before, after)) {
            if (name.equals("tags") || name.equals("tags_all") || forcing.contains(name)) {
                continue;
            }
            boolean unknown = containsTrue(afterUnknown.path(name));
            boolean differs = switch (action) {
                case CREATE -> unknown || !isNull(after.path(name));
                case UPDATE -> unknown || !before.path(name).equals(after.path(name));
                // Every computed value of the new object is unknown; only known differences say why.
                default -> !unknown && !before.path(name).equals(after.path(name));
            };
            if (!differs) {
                continue;
            }
            if (isSensitive(change, name)) {
                sensitive.add(name);
            } else if (action != Action.CREATE) {
                // Every attribute of a new object is "changed"; listing them would bury what matters.
                changed.add(name);
            }
        }
        return new Attributes(changed, sensitive);
    }

    private static Set<String> attributeNames(JsonNode before, JsonNode after) {
        Set<String> names = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean isSensitive(JsonNode change, String name) {
        JsonNode before = change.path("before_sensitive");
        JsonNode after = change.path("after_sensitive");
        // A bare `true` marks the whole object sensitive.
        return before.asBoolean(false) || after.asBoolean(false)
                || containsTrue(before.path(name)) || containsTrue(after.path(name));
    }

    /** Whether a mark of {@code after_unknown}, {@code before_sensitive} or {@code after_sensitive}, or any inside it, is true. */
    static boolean containsTrue(JsonNode marks) {
        if (marks.isBoolean()) {
            return marks.booleanValue();
        }
        for (JsonNode child : marks) {
            if (containsTrue(child)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNull(JsonNode value) {
        return value.isNull() || value.isMissingNode();
    }

    /**
     * Tag changes of an update or replacement, from {@code tags_all} (which includes the provider's default
     * tags) when the resource type has it, else from {@code tags}. Creates and deletes have none to report:
     * every tag of a new object is new, and every tag of a deleted one goes.
     */
    private static TagChanges tagChanges(JsonNode change, Action action) {
        if (action != Action.UPDATE && !action.isReplacement()) {
            return TagChanges.NONE;
        }
        for (String attribute : List.of("tags_all", "tags")) {
            JsonNode before = change.path("before").path(attribute);
            JsonNode after = change.path("after").path(attribute);
            JsonNode unknown = change.path("after_unknown").path(attribute);
            if (unknown.asBoolean(false)) {
                continue;
            }
            if (before.isObject() || after.isObject()) {
                return count(before, after, unknown);
            }
        }
        boolean anyUnknown = change.path("after_unknown").path("tags_all").asBoolean(false)
                || change.path("after_unknown").path("tags").asBoolean(false);
        return anyUnknown ? TagChanges.UNKNOWN : TagChanges.NONE;
    }

    private static TagChanges count(JsonNode before, JsonNode after, JsonNode unknown) {
        int added = 0;
        int changed = 0;
        int removed = 0;
        Set<String> keys = attributeNames(before.isObject() ? before : MissingNode.getInstance(),
                after.isObject() ? after : MissingNode.getInstance());
        keys.addAll(fieldNames(unknown));
        for (String key : keys) {
            boolean wasThere = before.has(key);
            boolean isThere = after.has(key) || unknown.path(key).asBoolean(false);
            if (wasThere && !isThere) {
                removed++;
            } else if (!wasThere && isThere) {
                added++;
            } else if (unknown.path(key).asBoolean(false) || !before.path(key).equals(after.path(key))) {
                changed++;
            }
        }
        return new TagChanges(added, changed, removed, false);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
