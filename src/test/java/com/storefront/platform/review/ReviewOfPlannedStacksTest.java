package com.storefront.platform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The review of plans already made ({@link FixturePlan}), as the command writes and prints it: the same files and
 * console output as a run that plans, with no Terraform.
 */
class ReviewOfPlannedStacksTest {

    private static final Path OUT = Path.of("target", "plan-review-of-planned-stacks");
    private static final String STACK = "database-fixture";
    private static final Guard WARN_ABOUT_DISRUPTIONS = new Guard(List.of());

    private static CommandOutcome review(String name, Guard guard, PlannedStack... plans) {
        return CommandOutcome.reviewOf(OUT.resolve(name), guard, plans);
    }

    private static PlannedStack planned(FixturePlan plan) {
        return new PlannedStack(STACK, plan.json());
    }

    private static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void passesADisruptiveInPlaceChangeWithAWarning() {
        PlannedStack resized = planned(FixturePlan.INSTANCE_CLASS);

        CommandOutcome outcome = review("disruptive-warned", WARN_ABOUT_DISRUPTIONS, resized);

        assertEquals(Verdict.PASSED.exitCode(), outcome.exitCode(), outcome::toString);
        assertTrue(outcome.stderr().contains("plan review: WARNING disruptive database-fixture: aws_db_instance.primary instance_class:"
                + " restarts"), outcome::toString);
        assertTrue(outcome.file(STACK + ".md").contains("## Disruptive changes\n\nWarning:"), () -> outcome.file(STACK + ".md"));
        assertEquals("instance_class", outcome.json(STACK + ".json").at("/disruptive/0/attribute").asText(),
                () -> outcome.file(STACK + ".json"));
    }

    @Test
    void blocksADisruptiveInPlaceChangeWhenDisruptionsBlock() {
        PlannedStack resized = planned(FixturePlan.INSTANCE_CLASS);

        CommandOutcome outcome = review("disruptive-blocked", new Guard(List.of(), true), resized);

        assertEquals(Verdict.BLOCKED.exitCode(), outcome.exitCode(), outcome::toString);
        assertTrue(outcome.stderr().contains("plan review: BLOCKED disruptive database-fixture: aws_db_instance.primary instance_class:"),
                outcome::toString);
    }

    @Test
    void passesAnAcknowledgedReplacementAndSaysItWasAcknowledged() {
        Guard acknowledged = new Guard(List.of(Acknowledgement.parse(STACK + ":aws_db_instance.primary")));

        CommandOutcome outcome = review("acknowledged", acknowledged, planned(FixturePlan.SNAPSHOT));

        assertEquals(Verdict.PASSED.exitCode(), outcome.exitCode(), outcome::toString);
        assertTrue(outcome.file(STACK + ".md").contains("| `aws_db_instance.primary` | replace (delete, then create) |"
                + " forced by `snapshot_identifier`; **acknowledged** |"), () -> outcome.file(STACK + ".md"));
        JsonNode change = outcome.json(STACK + ".json").path("changes").get(0);
        assertEquals("aws_db_instance.primary", change.path("address").asText(), change::toString);
        assertEquals("acknowledged", change.path("guard").asText(), change::toString);
        assertTrue(outcome.file("summary.md").contains("Result: **passed, with acknowledged changes** (exit code 0)"),
                () -> outcome.file("summary.md"));
    }

    @Test
    void passesAnInPlaceChangeAndShowsItAsAnUpdate() {
        PlannedStack inPlace = planned(FixturePlan.IN_PLACE);

        CommandOutcome outcome = review("in-place", WARN_ABOUT_DISRUPTIONS, inPlace);

        assertEquals(Verdict.PASSED.exitCode(), outcome.exitCode(), outcome::toString);
        assertEquals(parse("{\"create\":0,\"update\":2,\"replace\":0,\"delete\":0,\"forget\":0}"),
                outcome.json(STACK + ".json").path("counts"), () -> outcome.file(STACK + ".json"));
        String markdown = outcome.file(STACK + ".md");
        assertTrue(markdown.contains("| `aws_cloudwatch_metric_alarm.cpu` | update in place | changes `threshold` |"), markdown);
        assertTrue(markdown.contains("| `aws_db_instance.primary` | update in place | tags: 1 changed |"), markdown);
        assertTrue(markdown.contains("**Guard: passed.** No protected resource is deleted or replaced."), markdown);
    }

    @Test
    void statesTheSameResultInTheSummaryTheJsonAndTheConsole() {
        PlannedStack manyChanges = planned(FixturePlan.MANY_CHANGES);

        CommandOutcome outcome = review("one-result", WARN_ABOUT_DISRUPTIONS, manyChanges);

        assertEquals(Verdict.BLOCKED.exitCode(), outcome.exitCode(), outcome::toString);
        assertTrue(outcome.file("summary.md").contains("Result: **blocked** (exit code 1)."), () -> outcome.file("summary.md"));
        JsonNode summary = outcome.json("summary.json");
        assertEquals("blocked 1 blocked", summary.path("result").asText() + " " + summary.path("exitCode").asInt() + " "
                + summary.at("/stacks/0/result").asText(), () -> outcome.file("summary.json"));
        assertEquals("blocked", outcome.json(STACK + ".json").path("result").asText(), () -> outcome.file(STACK + ".json"));
        assertTrue(outcome.stdout().contains(STACK + ": 0 create, 1 update, 2 replace, 1 delete — BLOCKED\n"), outcome::toString);
        assertTrue(outcome.stdout().contains("plan review: blocked; reviews in "), outcome::toString);
    }

    @Test
    void reviewsOnePlanAsManyStacksAndLetsAStackQualifiedAcknowledgementThroughInItsStackOnly() {
        String plan = FixturePlan.SNAPSHOT.json();
        Guard guard = new Guard(List.of(Acknowledgement.parse("database-staging:aws_db_instance.primary")));

        ReviewRun run = PlanReview.review(Mode.OFFLINE, List.of(new PlannedStack("database-staging", plan),
                new PlannedStack("database-prod", plan)), guard);

        assertEquals(List.of("database-staging ACKNOWLEDGED", "database-prod BLOCKED"),
                run.reviews().stream().map(r -> r.stack() + " " + r.verdict()).toList(), run::toString);
        assertEquals(List.of(), run.unusedAcknowledgements(), run::toString);
    }
}
