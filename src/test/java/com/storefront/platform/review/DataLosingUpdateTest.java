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

/** The rules on the updates of a real plan ({@link FixturePlan#DATA_LOSS}), and on the same updates undone. */
class DataLosingUpdateTest {

    @Test
    void findsWhatEachShorterRetentionAndTheSuspendedVersioningDelete() {
        List<String> losses = new ArrayList<>();
        updates().forEach(update -> losses.addAll(DataLosingUpdate.of(update.path("type").asText(), update.path("change"))));

        assertEquals(4, losses.size(), losses::toString);
        assertTrue(losses.stream().anyMatch(l -> l.startsWith("retention_in_days shortened: CloudWatch Logs deletes")), losses::toString);
        assertTrue(losses.stream().anyMatch(l -> l.startsWith("versioning suspended: ")), losses::toString);
    }

    @Test
    void findsNothingInTheSameUpdatesUndone() {
        for (JsonNode update : updates()) {
            ObjectNode undone = update.path("change").deepCopy();
            undone.set("before", update.at("/change/after"));
            undone.set("after", update.at("/change/before"));

            assertEquals(List.of(), DataLosingUpdate.of(update.path("type").asText(), undone), update.path("address").asText());
        }
    }

    private static List<JsonNode> updates() {
        try {
            List<JsonNode> updates = new ArrayList<>();
            new ObjectMapper().readTree(FixturePlan.DATA_LOSS.json()).path("resource_changes").forEach(change -> {
                if (change.at("/change/actions/0").asText().equals("update")) {
                    updates.add(change);
                }
            });
            assertEquals(4, updates.size(), "the fixture's data-losing updates");
            return updates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
