package com.storefront.platform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.storefront.platform.config.Environments;
import com.storefront.platform.testing.OfflinePlans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * This project's CI review: every stack of every environment, synthesized and planned offline once for the whole
 * run ({@link OfflinePlans}), reviewed, with the Markdown and JSON kept in {@code target/plan-review/}.
 */
@Tag("terraform")
class OfflineReviewOfAllStacksTest {

    private static final Path OUT = Path.of("target", "plan-review");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void reviewsEveryStackOfEveryEnvironmentAndPassesTheGuardOnAFreshPlan() throws IOException {
        List<PlannedStack> plans = OfflinePlans.all().entrySet().stream()
                .map(plan -> new PlannedStack(plan.getKey(), plan.getValue())).toList();

        ReviewRun run = PlanReview.review(Mode.OFFLINE, plans, new Guard(List.of()));
        PlanReview.write(run, OUT);

        assertEquals(Verdict.PASSED, run.verdict(), () -> MarkdownReport.forRun(run));
        assertEquals(2 * Environments.all().size(), run.reviews().size(), () -> MarkdownReport.forRun(run));
        for (PlannedStack plan : plans) {
            assertTrue(Files.isRegularFile(OUT.resolve(plan.stack() + ".md")), () -> "no Markdown review of " + plan.stack());
            JsonNode review = JSON.readTree(OUT.resolve(plan.stack() + ".json").toFile());
            JsonNode counts = review.path("counts");
            assertTrue(counts.path("create").asInt() > 0, () -> plan.stack() + " creates nothing: " + review);
            assertEquals(0, counts.path("update").asInt() + counts.path("replace").asInt() + counts.path("delete").asInt(),
                    () -> "a fresh plan of " + plan.stack() + " only creates: " + review);
        }
        assertEquals("passed", JSON.readTree(OUT.resolve("summary.json").toFile()).path("result").asText());
    }
}
