package com.storefront.platform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON of real plans ({@link FixturePlan}): the field names and order CI reads, and what they hold. */
class JsonReportTest {

    private static final String STACK = "database-fixture";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static StackReview review(FixturePlan plan, String... acknowledgements) {
        Guard guard = new Guard(List.of(acknowledgements).stream().map(Acknowledgement::parse).toList());
        return guard.review(new PlannedStack(STACK, plan.json()));
    }

    private static ReviewRun run(List<StackReview> reviews, List<StackFailure> failures, List<Acknowledgement> unused) {
        return new ReviewRun(Mode.OFFLINE, reviews, failures, unused);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON:\n" + json, e);
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode change(JsonNode stack, String address) {
        for (JsonNode change : stack.path("changes")) {
            if (change.path("address").asText().equals(address)) {
                return change;
            }
        }
        throw new AssertionError("no change of " + address + " in " + stack.toPrettyString());
    }

    @Test
    void writesAStackReviewWithTheFieldsInTheOrderItsReadersExpect() {
        String json = JsonReport.forStack(review(FixturePlan.DISRUPTIVE), Mode.OFFLINE);

        JsonNode stack = parse(json);

        assertEquals(List.of("stack", "mode", "result", "counts", "refusedByPreventDestroy", "changes", "findings", "disruptive",
                "disruptionsBlock", "cost"), fieldNames(stack), json);
        assertEquals(List.of("currency", "hoursPerMonth", "pricesRead", "priceTable", "regions", "groups", "total", "lines"),
                fieldNames(stack.path("cost")), json);
        assertEquals(List.of("before", "after", "change", "unknownBefore", "unknownAfter"), fieldNames(stack.at("/cost/total")), json);
        assertEquals(List.of("address", "type", "group", "state", "item", "variant", "description", "region", "quantity", "unit",
                "hourly", "unitPrice", "monthly", "status", "source"), fieldNames(stack.at("/cost/lines/0")), json);
        JsonNode database = change(stack, "aws_db_instance.primary");
        assertEquals(List.of("address", "type", "action", "actionDetail", "cause", "actionReason", "replacePaths", "changedAttributes",
                "sensitiveChanged", "tags", "disruptions", "guard"), fieldNames(database), json);
        assertEquals(List.of("added", "changed", "removed", "knownAfterApply"), fieldNames(database.path("tags")), json);
        assertEquals(List.of("attribute", "why"), fieldNames(database.at("/disruptions/0")), json);
        assertEquals(List.of("stack", "address", "attribute", "why"), fieldNames(stack.at("/disruptive/0")), json);
        assertEquals(List.of("create", "update", "replace", "delete", "forget"), fieldNames(stack.path("counts")), json);
    }

    @Test
    void writesAFindingWithTheFieldsInTheOrderItsReadersExpect() {
        String json = JsonReport.forStack(review(FixturePlan.SNAPSHOT), Mode.OFFLINE);

        JsonNode finding = parse(json).at("/findings/0");

        assertEquals(List.of("stack", "address", "action", "actionDetail", "cause", "replacePaths", "protection", "acknowledged",
                "preventDestroy", "message"), fieldNames(finding), json);
    }

    @Test
    void writesARunWithTheFieldsInTheOrderItsReadersExpect() {
        ReviewRun run = run(List.of(review(FixturePlan.SNAPSHOT)), List.of(new StackFailure("database-broken", "`terraform init` failed")),
                List.of());

        String json = JsonReport.forRun(run);

        JsonNode summary = parse(json);
        assertEquals(List.of("mode", "result", "exitCode", "counts", "stacks", "blocked", "acknowledged", "disruptive",
                "unusedAcknowledgements", "failures", "cost"), fieldNames(summary), json);
        assertEquals(List.of("currency", "hoursPerMonth", "pricesRead", "stacks", "total"), fieldNames(summary.path("cost")), json);
        assertEquals(List.of("stack", "result", "markdown", "json", "counts"), fieldNames(summary.at("/stacks/0")), json);
        assertEquals(List.of("stack", "message"), fieldNames(summary.at("/failures/0")), json);
    }

    @Test
    void marksEachChangeWithTheGuardsVerdictOnIt() {
        String json = JsonReport.forStack(review(FixturePlan.MANY_CHANGES, "aws_db_instance.primary"), Mode.OFFLINE);

        Map<String, String> guardByAddress = new LinkedHashMap<>();
        parse(json).path("changes").forEach(c -> guardByAddress.put(c.path("address").asText(), c.path("guard").asText()));

        assertEquals(Map.of("aws_db_instance.primary", "acknowledged", "aws_secretsmanager_secret.credentials", "blocked",
                "aws_cloudwatch_log_group.audit[0]", "blocked", "aws_cloudwatch_metric_alarm.cpu", "passed"), guardByAddress, json);
    }

    @Test
    void reportsARunWhoseOnlyProtectedChangeWasAcknowledgedAsPassedWithExitCode0() {
        ReviewRun run = run(List.of(review(FixturePlan.SNAPSHOT, "aws_db_instance.primary")), List.of(), List.of());

        JsonNode summary = parse(JsonReport.forRun(run));

        assertEquals("passed", summary.path("result").asText(), summary::toPrettyString);
        assertEquals(0, summary.path("exitCode").asInt(), summary::toPrettyString);
        assertEquals("aws_db_instance.primary", summary.at("/acknowledged/0/address").asText(), summary::toPrettyString);
    }

    @Test
    void reportsARunWithAStackThatCouldNotBeReviewedAsAnErrorWithExitCode2() {
        ReviewRun run = run(List.of(review(FixturePlan.IN_PLACE)), List.of(new StackFailure("database-broken", "`terraform init` failed")),
                List.of());

        JsonNode summary = parse(JsonReport.forRun(run));

        assertEquals("error", summary.path("result").asText(), summary::toPrettyString);
        assertEquals(2, summary.path("exitCode").asInt(), summary::toPrettyString);
        assertEquals("database-broken", summary.at("/failures/0/stack").asText(), summary::toPrettyString);
    }

    @Test
    void listsEveryDisruptionOfTheRunWithItsStack() {
        ReviewRun run = run(List.of(review(FixturePlan.DISRUPTIVE)), List.of(), List.of());

        JsonNode summary = parse(JsonReport.forRun(run));

        List<String> disruptions = new ArrayList<>();
        summary.path("disruptive").forEach(d -> disruptions.add(d.path("stack").asText() + " " + d.path("address").asText() + " "
                + d.path("attribute").asText()));
        assertEquals(List.of(STACK + " aws_db_instance.primary identifier", STACK + " aws_db_instance.primary instance_class",
                STACK + " aws_db_instance.primary port", STACK + " aws_db_parameter_group.tuned parameter shared_buffers"), disruptions,
                summary::toPrettyString);
    }

    @Test
    void listsAcknowledgementsThatMatchedNothingAsTheReviewerWroteThem() {
        Guard guard = new Guard(List.of(Acknowledgement.parse(STACK + ":aws_db_instance.primry")));
        StackReview review = guard.review(new PlannedStack(STACK, FixturePlan.MANY_CHANGES.json()));
        ReviewRun run = run(List.of(review), List.of(), guard.unused(review.findings()));

        JsonNode summary = parse(JsonReport.forRun(run));

        assertEquals(parse("[\"database-fixture:aws_db_instance.primry\"]"), summary.path("unusedAcknowledgements"),
                summary::toPrettyString);
    }

    @Test
    void neverShowsThePasswordsThePlanHolds() {
        StackReview review = review(FixturePlan.MANY_CHANGES);
        FixturePlan.PASSWORDS.forEach(password -> assertTrue(FixturePlan.MANY_CHANGES.json().contains(password),
                () -> "the plan no longer holds " + password + ", so this test proves nothing"));

        String stack = JsonReport.forStack(review, Mode.OFFLINE);
        String summary = JsonReport.forRun(run(List.of(review), List.of(), List.of()));

        for (String password : FixturePlan.PASSWORDS) {
            assertFalse(stack.contains(password), () -> "the stack's JSON shows " + password + ":\n" + stack);
            assertFalse(summary.contains(password), () -> "the summary's JSON shows " + password + ":\n" + summary);
        }
    }
}
