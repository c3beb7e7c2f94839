package com.storefront.platform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules on the updates of real plans ({@link FixturePlan}), and on the same updates undone or narrowed. */
class DataLosingUpdateTest {

    @Test
    void findsWhatEachShorterRetentionAndTheSuspendedVersioningDelete() {
        List<String> losses = new ArrayList<>();
        updates().forEach(update -> losses.addAll(DataLosingUpdate.of(update.path("type").asText(), update.path("change"))));

        assertEquals(5, losses.size(), losses::toString);
        assertTrue(losses.stream().anyMatch(l -> l.startsWith("retention_in_days shortened: CloudWatch Logs deletes")), losses::toString);
        assertTrue(losses.stream().anyMatch(l -> l.startsWith("performance_insights_retention_period shortened: ")), losses::toString);
        assertTrue(losses.stream().anyMatch(l -> l.startsWith("versioning suspended: ")), losses::toString);
    }

    @Test
    void findsNothingInTheSameUpdatesUndone() {
        for (JsonNode update : updates()) {
            assertEquals(List.of(), DataLosingUpdate.of(update.path("type").asText(), undone(update)), update.path("address").asText());
        }
    }

    @Test
    void findsEveryLiftedProtectionAndNothingWhenTheyAreRestored() {
        List<JsonNode> lifted = updates(FixturePlan.PROTECTION_LIFTED, 3);

        for (JsonNode update : lifted) {
            assertEquals(1, DataLosingUpdate.of(update.path("type").asText(), update.path("change")).size(), update.path("address").asText());
            assertEquals(List.of(), DataLosingUpdate.of(update.path("type").asText(), undone(update)), update.path("address").asText());
        }
    }

    @Test
    void findsABlueGreenUpdateOnlyWhenItChangesMoreThanTheProviderUpdatesWithoutADeployment() {
        JsonNode resize = updates(FixturePlan.BLUE_GREEN, 1).get(0);
        ObjectNode switchedOnAlone = resize.path("change").deepCopy();
        ((ObjectNode) switchedOnAlone.path("after")).set("instance_class", resize.at("/change/before/instance_class"));
        ObjectNode retaggedAlone = switchedOnAlone.deepCopy();
        ((ObjectNode) retaggedAlone.path("after")).putObject("tags").put("Owner", "checkout");
        ObjectNode newPasswordVersion = switchedOnAlone.deepCopy();
        ((ObjectNode) newPasswordVersion.path("after")).put("password_wo_version", 2);

        assertEquals(List.of("updated through a Blue/Green deployment"), whats(resize.path("change")));
        assertEquals(List.of(), whats(switchedOnAlone), "switching it on changes nothing by a deployment");
        assertEquals(List.of(), whats(retaggedAlone), "tags are updated in place");
        assertEquals(List.of("updated through a Blue/Green deployment"), whats(newPasswordVersion), "a new write-only password is deployed");
    }

    private static List<String> whats(JsonNode change) {
        return DataLosingUpdate.of("aws_db_instance", change).stream().map(loss -> loss.substring(0, loss.indexOf(':'))).toList();
    }

    private static ObjectNode undone(JsonNode update) {
        ObjectNode undone = update.path("change").deepCopy();
        undone.set("before", update.at("/change/after"));
        undone.set("after", update.at("/change/before"));
        return undone;
    }

    private static List<JsonNode> updates() {
        return updates(FixturePlan.DATA_LOSS, 4);
    }

    /** The in-place updates of {@code plan}, as many as {@code expected}. */
    private static List<JsonNode> updates(FixturePlan plan, int expected) {
        try {
            List<JsonNode> updates = new ArrayList<>();
            new ObjectMapper().readTree(plan.json()).path("resource_changes").forEach(change -> {
                if (change.at("/change/actions/0").asText().equals("update")) {
                    updates.add(change);
                }
            });
            assertEquals(expected, updates.size(), "the in-place updates of " + plan.fileName());
            return updates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
