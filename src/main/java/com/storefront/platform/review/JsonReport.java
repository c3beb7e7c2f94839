package com.storefront.platform.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable twin of {@link MarkdownReport}: one document per stack and one for the run. Like the
 * Markdown, it holds attribute names and counts, never an attribute value.
 */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonReport() {
    }

    /**
     * {@code {stack, mode, result, counts, refusedByPreventDestroy: [...], changes: [...], findings: [...]}}; {@code result} is {@code passed} or
     * {@code blocked}, and each change's {@code guard} is {@code blocked}, {@code acknowledged} or {@code passed}.
     * {@code refusedByPreventDestroy} lists the addresses Terraform refused to destroy.
     */
    public static ObjectNode forStack(StackReview review, Mode mode) {
        ObjectNode json = JSON.createObjectNode()
                .put("stack", review.stack())
                .put("mode", mode.label())
                .put("result", review.verdict().result());
        json.set("counts", counts(review.counts()));
        strings(json.putArray("refusedByPreventDestroy"), review.refusedByPreventDestroy().stream().sorted().toList());
        ArrayNode changes = json.putArray("changes");
        for (ResourceChange change : review.changes()) {
            ObjectNode entry = changes.addObject()
                    .put("address", change.address())
                    .put("type", change.type())
                    .put("action", change.action().kind())
                    .put("actionDetail", change.action().description())
                    .put("cause", change.cause())
                    .put("actionReason", change.actionReason());
            strings(entry.putArray("replacePaths"), change.replacePaths());
            strings(entry.putArray("changedAttributes"), change.changedAttributes());
            strings(entry.putArray("sensitiveChanged"), change.sensitiveChanged());
            entry.putObject("tags")
                    .put("added", change.tags().added())
                    .put("changed", change.tags().changed())
                    .put("removed", change.tags().removed())
                    .put("knownAfterApply", change.tags().knownAfterApply());
            ArrayNode disruptions = entry.putArray("disruptions");
            change.disruptions().forEach(d -> disruptions.addObject().put("attribute", d.attribute()).put("why", d.why()));
            entry.put("guard", review.verdictOn(change).label());
        }
        findings(json.putArray("findings"), review.findings());
        disruptive(json.putArray("disruptive"), review);
        json.put("disruptionsBlock", review.disruptionsBlock());
        return json;
    }

    /**
     * {@code {mode, result, exitCode, counts, stacks: [...], blocked: [...], acknowledged: [...],
     * unusedAcknowledgements: [...], failures: [...]}}.
     */
    public static ObjectNode forRun(ReviewRun run) {
        ObjectNode json = JSON.createObjectNode()
                .put("mode", run.mode().label())
                .put("result", run.verdict().result())
                .put("exitCode", run.verdict().exitCode());
        json.set("counts", counts(run.counts()));
        ArrayNode stacks = json.putArray("stacks");
        for (StackReview review : run.reviews()) {
            ObjectNode entry = stacks.addObject()
                    .put("stack", review.stack())
                    .put("result", review.verdict().result())
                    .put("markdown", review.stack() + ".md")
                    .put("json", review.stack() + ".json");
            entry.set("counts", counts(review.counts()));
        }
        findings(json.putArray("blocked"), run.blocked());
        findings(json.putArray("acknowledged"), run.acknowledged());
        ArrayNode disruptive = json.putArray("disruptive");
        run.reviews().forEach(review -> disruptive(disruptive, review));
        strings(json.putArray("unusedAcknowledgements"), run.unusedAcknowledgements().stream().map(Acknowledgement::toString).toList());
        ArrayNode failures = json.putArray("failures");
        run.failures().forEach(f -> failures.addObject().put("stack", f.stack()).put("message", f.message()));
        return json;
    }

    /** One entry per disruption: {@code {stack, address, attribute, why}}. */
    private static void disruptive(ArrayNode array, StackReview review) {
        for (ResourceChange change : review.disruptive()) {
            change.disruptions().forEach(d -> array.addObject()
                    .put("stack", review.stack())
                    .put("address", change.address())
                    .put("attribute", d.attribute())
                    .put("why", d.why()));
        }
    }

    private static ObjectNode counts(Map<String, Integer> counts) {
        ObjectNode json = JSON.createObjectNode();
        counts.forEach(json::put);
        return json;
    }

    private static void findings(ArrayNode array, List<Finding> findings) {
        for (Finding finding : findings) {
            ObjectNode entry = array.addObject()
                    .put("stack", finding.stack())
                    .put("address", finding.change().address())
                    .put("action", finding.change().action().kind())
                    .put("actionDetail", finding.change().action().description())
                    .put("cause", finding.change().cause());
            strings(entry.putArray("replacePaths"), finding.change().replacePaths());
            entry.put("protection", finding.protection().type())
                    .put("acknowledged", finding.acknowledged())
                    .put("preventDestroy", finding.preventDestroy())
                    .put("message", finding.message());
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
