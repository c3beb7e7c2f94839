package com.storefront.platform.review;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Plans every {@link FixturePlan} with real Terraform and writes its JSON into a directory: what
 * {@code scripts/regenerate-review-plans} runs, never a test.
 *
 * <p>Usage: {@code RegenerateReviewPlans DIR}, DIR being {@code src/test/resources/review/plans} to update the
 * checked-in plans. The plans are Terraform's, indented, with {@code relevant_attributes} sorted: Terraform writes
 * one long line, and lists that set in a different order from one run to the next, so that without both a
 * regeneration would rewrite files whose plan did not change. The review never reads {@code relevant_attributes}.
 */
final class RegenerateReviewPlans {

    // Floats as written (BigDecimal), so indenting changes no number.
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private RegenerateReviewPlans() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RegenerateReviewPlans DIR   (src/test/resources/review/plans)");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        for (FixturePlan plan : FixturePlan.values()) {
            JsonNode json = JSON.readTree(ReviewFixture.planJson(plan.baseName(), plan.variables()));
            sortRelevantAttributes(json);
            Path file = dir.resolve(plan.fileName());
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
            System.out.println("wrote " + file + " (" + new TreeSet<>(plan.variables().keySet()) + " changed)");
        }
    }

    private static void sortRelevantAttributes(JsonNode plan) {
        if (plan.path("relevant_attributes").isArray()) {
            ArrayNode attributes = (ArrayNode) plan.get("relevant_attributes");
            List<JsonNode> sorted = new ArrayList<>();
            attributes.forEach(sorted::add);
            sorted.sort(Comparator.comparing(JsonNode::toString));
            attributes.removeAll();
            attributes.addAll(sorted);
        }
    }
}
