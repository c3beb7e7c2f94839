package com.storefront.platform.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable twin of {@link MarkdownReport}: one document per stack and one for the run. Like the
 * Markdown, it holds attribute names and counts, never an attribute value.
 *
 * <p>Each document is a record below, serialized by one {@link ObjectMapper}: its components are the document's
 * fields, in order. CI jobs and the README read these names; renaming a component renames a field.
 */
public final class JsonReport {

    private static final ObjectWriter JSON = new ObjectMapper().writerWithDefaultPrettyPrinter();

    private JsonReport() {
    }

    /**
     * {@code {stack, mode, result, counts, refusedByPreventDestroy: [...], changes: [...], findings: [...],
     * disruptive: [...], disruptionsBlock}}, indented; {@code result} is the stack's {@link Verdict#result()}
     * ({@code passed} or {@code blocked}), each change's {@code guard} the {@link Verdict#label()} of
     * {@link StackReview#verdictOn} ({@code passed}, {@code acknowledged} or {@code blocked}).
     * {@code refusedByPreventDestroy} lists the addresses Terraform refused to destroy.
     */
    public static String forStack(StackReview review, Mode mode) {
        return write(StackReport.of(review, mode));
    }

    /**
     * {@code {mode, result, exitCode, counts, stacks: [...], blocked: [...], acknowledged: [...], disruptive: [...],
     * unusedAcknowledgements: [...], failures: [...]}}, indented; {@code result} and {@code exitCode} are the run's
     * {@link Verdict}'s.
     */
    public static String forRun(ReviewRun run) {
        return write(RunReport.of(run));
    }

    private static String write(Record report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + report.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private record StackReport(String stack, String mode, String result, Map<String, Integer> counts,
            List<String> refusedByPreventDestroy, List<ChangeEntry> changes, List<FindingEntry> findings,
            List<DisruptionEntry> disruptive, boolean disruptionsBlock) {

        static StackReport of(StackReview review, Mode mode) {
            return new StackReport(review.stack(), mode.label(), review.verdict().result(), review.counts(),
                    review.refusedByPreventDestroy().stream().sorted().toList(),
                    review.changes().stream().map(c -> ChangeEntry.of(c, review.verdictOn(c))).toList(),
                    review.findings().stream().map(FindingEntry::of).toList(),
                    DisruptionEntry.of(review), review.disruptionsBlock());
        }
    }

    private record ChangeEntry(String address, String type, String action, String actionDetail, String cause,
            String actionReason, List<String> replacePaths, List<String> changedAttributes, List<String> sensitiveChanged,
            TagsEntry tags, List<AttributeDisruption> disruptions, String guard) {

        static ChangeEntry of(ResourceChange change, Verdict guard) {
            TagChanges tags = change.tags();
            return new ChangeEntry(change.address(), change.type(), change.action().kind(), change.action().description(),
                    change.cause(), change.actionReason(), change.replacePaths(), change.changedAttributes(),
                    change.sensitiveChanged(), new TagsEntry(tags.added(), tags.changed(), tags.removed(), tags.knownAfterApply()),
                    change.disruptions().stream().map(d -> new AttributeDisruption(d.attribute(), d.why())).toList(),
                    guard.label());
        }
    }

    private record TagsEntry(int added, int changed, int removed, boolean knownAfterApply) {
    }

    private record AttributeDisruption(String attribute, String why) {
    }

    private record FindingEntry(String stack, String address, String action, String actionDetail, String cause,
            List<String> replacePaths, String protection, boolean acknowledged, boolean preventDestroy, String message) {

        static FindingEntry of(Finding finding) {
            ResourceChange change = finding.change();
            return new FindingEntry(finding.stack(), change.address(), change.action().kind(), change.action().description(),
                    change.cause(), change.replacePaths(), finding.protection().type(), finding.acknowledged(),
                    finding.preventDestroy(), finding.message());
        }
    }

    /** One entry per disruption of a stack's changes. */
    private record DisruptionEntry(String stack, String address, String attribute, String why) {

        static List<DisruptionEntry> of(StackReview review) {
            return review.disruptive().stream()
                    .flatMap(c -> c.disruptions().stream().map(d -> new DisruptionEntry(review.stack(), c.address(), d.attribute(), d.why())))
                    .toList();
        }
    }

    private record RunReport(String mode, String result, int exitCode, Map<String, Integer> counts, List<StackEntry> stacks,
            List<FindingEntry> blocked, List<FindingEntry> acknowledged, List<DisruptionEntry> disruptive,
            List<String> unusedAcknowledgements, List<FailureEntry> failures) {

        static RunReport of(ReviewRun run) {
            return new RunReport(run.mode().label(), run.verdict().result(), run.verdict().exitCode(), run.counts(),
                    run.reviews().stream().map(StackEntry::of).toList(),
                    run.blocked().stream().map(FindingEntry::of).toList(),
                    run.acknowledged().stream().map(FindingEntry::of).toList(),
                    run.reviews().stream().flatMap(r -> DisruptionEntry.of(r).stream()).toList(),
                    run.unusedAcknowledgements().stream().map(Acknowledgement::toString).toList(),
                    run.failures().stream().map(f -> new FailureEntry(f.stack(), f.message())).toList());
        }
    }

    private record StackEntry(String stack, String result, String markdown, String json, Map<String, Integer> counts) {

        static StackEntry of(StackReview review) {
            return new StackEntry(review.stack(), review.verdict().result(), review.stack() + ".md", review.stack() + ".json",
                    review.counts());
        }
    }

    private record FailureEntry(String stack, String message) {
    }
}
