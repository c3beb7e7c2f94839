package com.storefront.platform.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.storefront.platform.review.cost.CostEstimate;
import com.storefront.platform.review.cost.CostLine;
import com.storefront.platform.review.cost.CostSummary;
import com.storefront.platform.review.cost.PriceTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
     * {@code refusedByPreventDestroy} lists the addresses Terraform refused to destroy. {@code cost} is the monthly
     * estimate: {@code {currency, hoursPerMonth, pricesRead, priceTable, regions, groups: [...], total, lines: [...]}};
     * the sums (in cents) cover only lines whose {@code status} is {@code priced}.
     */
    public static String forStack(StackReview review, Mode mode) {
        return write(StackReport.of(review, mode));
    }

    /**
     * {@code {mode, result, exitCode, counts, stacks: [...], blocked: [...], acknowledged: [...], disruptive: [...],
     * unusedAcknowledgements: [...], failures: [...], cost}}, indented; {@code result} and {@code exitCode} are the run's
     * {@link Verdict}'s; {@code cost} is {@code {currency, hoursPerMonth, pricesRead, stacks: [...], total}}.
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
            List<DisruptionEntry> disruptive, boolean disruptionsBlock, CostEntry cost) {

        static StackReport of(StackReview review, Mode mode) {
            return new StackReport(review.stack(), mode.label(), review.verdict().result(), review.counts(),
                    review.refusedByPreventDestroy().stream().sorted().toList(),
                    review.changes().stream().map(c -> ChangeEntry.of(c, review.verdictOn(c))).toList(),
                    review.findings().stream().map(FindingEntry::of).toList(),
                    DisruptionEntry.of(review), review.disruptionsBlock(), CostEntry.of(review.cost()));
        }
    }

    /** A stack's monthly cost estimate. */
    private record CostEntry(String currency, int hoursPerMonth, String pricesRead, String priceTable, List<String> regions,
            List<GroupEntry> groups, SumEntry total, List<LineEntry> lines) {

        static CostEntry of(CostEstimate cost) {
            PriceTable table = cost.table();
            return new CostEntry(table.currency(), table.hoursPerMonth(), table.pricesRead(), PriceTable.RESOURCE,
                    List.copyOf(cost.regions()),
                    cost.byGroup().entrySet().stream().map(g -> new GroupEntry(g.getKey().label(), SumEntry.of(g.getValue()))).toList(),
                    SumEntry.of(cost.total()), cost.lines().stream().map(l -> LineEntry.of(l, table.hoursPerMonth())).toList());
        }
    }

    private record GroupEntry(String group, SumEntry sum) {
    }

    /** Sums before and after the plan and the change, rounded to cents; and the lines left out of them. */
    private record SumEntry(BigDecimal before, BigDecimal after, BigDecimal change, int unknownBefore, int unknownAfter) {

        static SumEntry of(CostSummary sum) {
            return new SumEntry(cents(sum.current()), cents(sum.planned()), cents(sum.change()), sum.unknownCurrent(),
                    sum.unknownPlanned());
        }
    }

    /**
     * One charge; {@code quantity}, {@code unitPrice} and {@code monthly} are null when unknown, {@code status} says
     * which ({@code priced}, {@code unknown price}, {@code unknown volume}).
     */
    private record LineEntry(String address, String type, String group, String state, String item, String variant,
            String description, String region, BigDecimal quantity, String unit, boolean hourly, BigDecimal unitPrice,
            BigDecimal monthly, String status, String source) {

        static LineEntry of(CostLine line, int hoursPerMonth) {
            return new LineEntry(line.address(), line.type(), line.group().label(), line.planned() ? "after" : "before",
                    line.item().id(), line.variant(), line.description(), line.region(), line.quantity().orElse(null),
                    line.item().unit(), line.item().hourly(), line.unitPrice().map(p -> p.usd()).orElse(null),
                    line.monthlyUsd(hoursPerMonth).map(JsonReport::cents).orElse(null), line.status().label(),
                    line.unitPrice().map(p -> p.source()).orElse(null));
        }
    }

    /** The stacks' estimates in the run's document. */
    private record RunCostEntry(String currency, int hoursPerMonth, String pricesRead, List<StackCostEntry> stacks, SumEntry total) {

        static RunCostEntry of(ReviewRun run) {
            PriceTable table = PriceTable.bundled();
            return new RunCostEntry(table.currency(), table.hoursPerMonth(), table.pricesRead(),
                    run.reviews().stream().map(r -> new StackCostEntry(r.stack(), SumEntry.of(r.cost().total()))).toList(),
                    SumEntry.of(run.costTotal()));
        }
    }

    private record StackCostEntry(String stack, SumEntry total) {
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
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
                    change.cause(), change.replacePaths(), finding.protection(), finding.acknowledged(),
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
            List<String> unusedAcknowledgements, List<FailureEntry> failures, RunCostEntry cost) {

        static RunReport of(ReviewRun run) {
            return new RunReport(run.mode().label(), run.verdict().result(), run.verdict().exitCode(), run.counts(),
                    run.reviews().stream().map(StackEntry::of).toList(),
                    run.blocked().stream().map(FindingEntry::of).toList(),
                    run.acknowledged().stream().map(FindingEntry::of).toList(),
                    run.reviews().stream().flatMap(r -> DisruptionEntry.of(r).stream()).toList(),
                    run.unusedAcknowledgements().stream().map(Acknowledgement::toString).toList(),
                    run.failures().stream().map(f -> new FailureEntry(f.stack(), f.message())).toList(),
                    RunCostEntry.of(run));
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
