package com.storefront.platform.review;

import com.storefront.platform.review.cost.CostEstimate;
import com.storefront.platform.review.cost.CostGroup;
import com.storefront.platform.review.cost.CostLine;
import com.storefront.platform.review.cost.CostSummary;
import com.storefront.platform.review.cost.PriceItem;
import com.storefront.platform.review.cost.PriceTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The Markdown a reviewer reads: one page per stack and a summary of the run. It shows attribute names,
 * counts and Terraform's reasons, never an attribute value.
 */
public final class MarkdownReport {

    /** How many of the last lines of a failed stack's Terraform output the summary keeps. */
    private static final int FAILURE_LINES = 30;

    private MarkdownReport() {
    }

    /** The page of one stack: counts, the guard's verdict, the replacements and a table of every change. */
    public static String forStack(StackReview review, Mode mode) {
        StringBuilder md = new StringBuilder();
        md.append("# Plan review: `").append(review.stack()).append("`\n\n");
        md.append("Mode: ").append(mode.label()).append(" (").append(mode.description()).append(").\n\n");
        appendCounts(md, review.counts());
        md.append('\n').append(guardVerdict(review)).append("\n");
        if (!review.findings().isEmpty()) {
            md.append('\n');
            review.findings().forEach(f -> md.append("- ").append(findingLine(f)).append('\n'));
        }
        appendDisruptive(md, "## Disruptive changes", review);
        List<ResourceChange> replacements = review.changes().stream().filter(c -> c.action().isReplacement()).toList();
        if (!replacements.isEmpty()) {
            md.append("\n## Replacements\n\n");
            for (ResourceChange change : replacements) {
                md.append("- `").append(change.address()).append("`: ").append(change.action().description())
                        .append(", ").append(cause(change)).append('\n');
            }
        }
        appendCost(md, review.cost());
        md.append("\n## Changes\n\n");
        if (review.changes().isEmpty()) {
            md.append("No changes.\n");
            return md.toString();
        }
        md.append("| Resource | Action | Details |\n|---|---|---|\n");
        for (ResourceChange change : review.changes()) {
            md.append("| `").append(cell(change.address())).append("` | ").append(change.action().description())
                    .append(" | ").append(cell(details(change, review))).append(" |\n");
        }
        return md.toString();
    }

    /** The page of the run: the verdict, a row per stack, every blocked and acknowledged change, and what failed. */
    public static String forRun(ReviewRun run) {
        StringBuilder md = new StringBuilder("# Plan review\n\n");
        md.append("Mode: ").append(run.mode().label()).append(" (").append(run.mode().description()).append("). ");
        md.append("Result: **").append(run.verdict().description()).append("** (exit code ").append(run.verdict().exitCode())
                .append(").\n\n");
        List<String> kinds = shownKinds(run.counts());
        md.append("| Stack | ").append(String.join(" | ", kinds)).append(" | Guard |\n|---|")
                .append("---:|".repeat(kinds.size())).append("---|\n");
        for (StackReview review : run.reviews()) {
            Map<String, Integer> counts = review.counts();
            md.append("| [").append(review.stack()).append("](").append(review.stack()).append(".md) | ")
                    .append(kinds.stream().map(k -> String.valueOf(counts.get(k))).collect(Collectors.joining(" | ")))
                    .append(" | ").append(guardCell(review)).append(" |\n");
        }
        for (StackFailure failure : run.failures()) {
            md.append("| ").append(failure.stack()).append(" |").append(" - |".repeat(kinds.size()))
                    .append(" **not reviewed** |\n");
        }
        Map<String, Integer> total = run.counts();
        md.append("| **all stacks** | ")
                .append(kinds.stream().map(k -> String.valueOf(total.get(k))).collect(Collectors.joining(" | ")))
                .append(" | |\n");
        appendRunCost(md, run);
        appendFindings(md, "Blocked", run.blocked());
        List<StackReview> refused = run.reviews().stream().filter(r -> !r.refusedByPreventDestroy().isEmpty()).toList();
        if (!refused.isEmpty()) {
            md.append("\n## Refused by Terraform (prevent_destroy)\n\n");
            refused.forEach(r -> md.append("- ").append(r.stack()).append(": ")
                    .append(code(r.refusedByPreventDestroy().stream().sorted().toList())).append('\n'));
        }
        appendFindings(md, "Acknowledged", run.acknowledged());
        run.reviews().forEach(review -> appendDisruptive(md, "## Disruptive changes in " + review.stack(), review));
        if (!run.unusedAcknowledgements().isEmpty()) {
            md.append("\n## Acknowledgements that matched nothing\n\n"
                    + "No change the guard stops (a protected delete or replacement, a data-losing update) has these addresses:"
                    + " check them for typos, or drop them.\n\n");
            run.unusedAcknowledgements().forEach(a -> md.append("- `").append(a).append("`\n"));
        }
        if (!run.failures().isEmpty()) {
            md.append("\n## Stacks that could not be reviewed\n");
            for (StackFailure failure : run.failures()) {
                md.append("\n### ").append(failure.stack()).append("\n\n```text\n")
                        .append(lastLines(failure.message())).append("\n```\n");
            }
        }
        return md.toString();
    }

    /**
     * The stack's monthly estimate: a row per group and the total (before the plan, after it, the change), the priced
     * lines, and the lines whose price or volume is unknown.
     */
    private static void appendCost(StringBuilder md, CostEstimate cost) {
        md.append("\n## Monthly cost estimate\n\n").append(costBasis(cost.table(), cost.regions())).append("\n\n");
        if (cost.lines().isEmpty()) {
            md.append("Nothing in this plan has a charge this estimate knows.\n");
            return;
        }
        md.append("| Group | Before | After | Change | Unknown (after) |\n|---|---:|---:|---:|---:|\n");
        for (Map.Entry<CostGroup, CostSummary> group : cost.byGroup().entrySet()) {
            md.append(costRow(group.getKey().label(), group.getValue()));
        }
        md.append(costRow("**total**", cost.total()));
        int hours = cost.table().hoursPerMonth();
        List<Map.Entry<CostLine, String>> priced = byState(cost.lines().stream().filter(l -> l.status() == CostLine.Status.PRICED).toList());
        if (!priced.isEmpty()) {
            md.append("\n| Resource | State | Charge | Quantity | Unit price | Monthly |\n|---|---|---|---:|---:|---:|\n");
            for (Map.Entry<CostLine, String> charge : priced) {
                CostLine line = charge.getKey();
                md.append("| `").append(cell(line.address())).append("` | ").append(charge.getValue()).append(" | ")
                        .append(cell(line.description())).append(" | ").append(quantity(line, hours)).append(" | ")
                        .append(unitPrice(line)).append(" | ").append(usd(line.monthlyUsd(hours).orElseThrow())).append(" |\n");
            }
        }
        if (!cost.unknown().isEmpty()) {
            md.append("\nNot in the sums:\n\n");
            // Identical charges (a stack's alarms, say) are one line with their count.
            Map<List<Object>, List<Map.Entry<CostLine, String>>> alike = byState(cost.unknown()).stream().collect(Collectors.groupingBy(
                    e -> List.of(e.getValue(), e.getKey().item(), e.getKey().variant(), e.getKey().region(), e.getKey().description()),
                    LinkedHashMap::new, Collectors.toList()));
            for (List<Map.Entry<CostLine, String>> lines : alike.values()) {
                CostLine line = lines.get(0).getKey();
                md.append("- ").append(lines.size() == 1 ? "`" + line.address() + "`" : lines.size() + " ×").append(" (")
                        .append(lines.get(0).getValue()).append("): ").append(line.description()).append(" — **")
                        .append(line.status().label()).append("**").append(unknownDetail(line)).append('\n');
            }
        }
    }

    /**
     * Each charge with the state it is in: {@code before} or {@code after}, or {@code unchanged} for a charge the plan
     * keeps as it is, shown once instead of twice.
     */
    private static List<Map.Entry<CostLine, String>> byState(List<CostLine> lines) {
        Map<List<Object>, List<CostLine>> same = lines.stream().collect(Collectors.groupingBy(l -> List.of(l.address(), l.item(),
                l.variant(), l.region(), l.description(), l.quantity(), l.unitPrice()), LinkedHashMap::new, Collectors.toList()));
        List<Map.Entry<CostLine, String>> states = new ArrayList<>();
        for (List<CostLine> charge : same.values()) {
            boolean before = charge.stream().anyMatch(l -> !l.planned());
            boolean after = charge.stream().anyMatch(CostLine::planned);
            if (before && after) {
                states.add(Map.entry(charge.stream().filter(CostLine::planned).findFirst().orElseThrow(), "unchanged"));
            } else {
                charge.forEach(line -> states.add(Map.entry(line, line.planned() ? "after" : "before")));
            }
        }
        return states;
    }

    private static void appendRunCost(StringBuilder md, ReviewRun run) {
        if (run.reviews().isEmpty()) {
            return;
        }
        md.append("\n## Monthly cost estimate\n\n").append(costBasis(PriceTable.bundled(), run.reviews().stream()
                .flatMap(r -> r.cost().regions().stream()).collect(Collectors.toCollection(TreeSet::new))))
                .append(" Each stack's review lists what is not in the sums.\n\n");
        md.append("| Stack | Before | After | Change | Unknown (after) |\n|---|---:|---:|---:|---:|\n");
        for (StackReview review : run.reviews()) {
            md.append(costRow("[" + review.stack() + "](" + review.stack() + ".md)", review.cost().total()));
        }
        md.append(costRow("**all stacks**", run.costTotal()));
    }

    private static String costBasis(PriceTable table, Set<String> regions) {
        return "On-demand list prices in " + table.currency() + " from `" + PriceTable.RESOURCE + "` (read " + table.pricesRead()
                + "), " + table.hoursPerMonth() + " hours a month" + (regions.isEmpty() ? "" : "; region " + String.join(", ", regions))
                + ". Free tiers, data transfer, requests and other usage are not included; a charge whose price or volume is"
                + " unknown is not in the sums.";
    }

    private static String costRow(String label, CostSummary summary) {
        return "| " + label + " | " + usd(summary.current()) + " | " + usd(summary.planned()) + " | " + signedUsd(summary.change())
                + " | " + summary.unknownPlanned() + " |\n";
    }

    private static String quantity(CostLine line, int hours) {
        String units = line.quantity().orElseThrow().stripTrailingZeros().toPlainString();
        return line.item().hourly() ? units + " × " + hours + " h" : units + " " + line.item().unit();
    }

    private static String unitPrice(CostLine line) {
        BigDecimal usd = line.unitPrice().orElseThrow().usd().stripTrailingZeros();
        return "$" + (usd.scale() < 2 ? usd.setScale(2) : usd).toPlainString() + " / " + line.item().unit();
    }

    private static String unknownDetail(CostLine line) {
        return switch (line.status()) {
            case UNKNOWN_VOLUME -> "; unit price " + unitPrice(line);
            case UNKNOWN_PRICE -> line.item() == PriceItem.NOT_PRICED ? ""
                    : ": the table has no " + line.item().id() + (line.variant().isEmpty() ? "" : " " + line.variant())
                    + (line.region().isEmpty() ? " (the plan does not say the region)" : " price for " + line.region());
            case PRICED -> "";
        };
    }

    /** Dollars and cents, e.g. {@code $1,234.50}. */
    static String usd(BigDecimal amount) {
        return String.format(Locale.ROOT, "$%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** A change: {@code +$12.00}, {@code -$3.10} or {@code $0.00}. */
    static String signedUsd(BigDecimal amount) {
        BigDecimal cents = amount.setScale(2, RoundingMode.HALF_UP);
        return cents.signum() == 0 ? usd(cents) : (cents.signum() > 0 ? "+" : "-") + usd(cents.abs());
    }

    private static void appendCounts(StringBuilder md, Map<String, Integer> counts) {
        List<String> kinds = shownKinds(counts);
        md.append("| ").append(String.join(" | ", kinds)).append(" |\n|")
                .append("---:|".repeat(kinds.size())).append('\n')
                .append("| ").append(kinds.stream().map(k -> String.valueOf(counts.get(k))).collect(Collectors.joining(" | ")))
                .append(" |\n");
    }

    /** The four counts a reviewer expects, and {@code forget} only when a plan has one. */
    private static List<String> shownKinds(Map<String, Integer> counts) {
        return StackReview.KINDS.stream().filter(k -> !k.equals("forget") || counts.get(k) > 0).toList();
    }

    private static String guardVerdict(StackReview review) {
        return switch (review.verdict()) {
            case PASSED -> "**Guard: passed.** No protected resource is deleted or replaced.";
            case ACKNOWLEDGED -> "**Guard: passed.** Every delete or replacement of a protected resource was acknowledged.";
            default -> blockedVerdict(review);
        };
    }

    private static String blockedVerdict(StackReview review) {
        StringBuilder verdict = new StringBuilder("**Guard: blocked.**");
        if (!review.blocked().isEmpty()) {
            verdict.append(' ').append(review.blocked().size())
                    .append(" delete(s) or replacement(s) of protected resources not let through.");
        }
        if (!review.refusedByPreventDestroy().isEmpty()) {
            verdict.append(" Terraform refuses this plan: it would destroy ")
                    .append(code(review.refusedByPreventDestroy().stream().sorted().toList()))
                    .append(" (lifecycle.prevent_destroy). The changes below come from the same plan with prevent_destroy")
                    .append(" lifted, to show why; that plan is never applied.");
        }
        return verdict.toString();
    }

    private static String guardCell(StackReview review) {
        return switch (review.verdict()) {
            case PASSED -> "passed";
            case ACKNOWLEDGED -> "passed, " + review.acknowledged().size() + " acknowledged";
            default -> "**blocked**";
        };
    }

    /**
     * The changes that interrupt clients (in-place updates, and replacements of what holds no data): a warning, or a
     * block with {@code --block-disruptive}. They lose no data, so the guard does not stop them; a reviewer should still
     * schedule them.
     */
    private static void appendDisruptive(StringBuilder md, String title, StackReview review) {
        if (review.disruptive().isEmpty()) {
            return;
        }
        md.append('\n').append(title).append("\n\n").append(review.disruptionsBlock()
                ? "**Blocked** (`--block-disruptive`): these lose no data but interrupt clients.\n\n"
                : "Warning: these lose no data but interrupt clients; schedule them (a maintenance window, a heads-up).\n\n");
        for (ResourceChange change : review.disruptive()) {
            change.disruptions().forEach(d -> md.append("- `").append(change.address()).append("` ")
                    .append(d.attribute()).append(": ").append(d.why()).append('\n'));
        }
    }

    private static void appendFindings(StringBuilder md, String title, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        md.append("\n## ").append(title).append("\n\n");
        findings.forEach(f -> md.append("- ").append(f.stack()).append(": ").append(findingLine(f)).append('\n'));
    }

    private static String findingLine(Finding finding) {
        ResourceChange change = finding.change();
        String verdict = !finding.blocks() ? "**acknowledged**" : finding.acknowledged() ? "**blocked** (acknowledged)" : "**blocked**";
        return verdict + " `" + change.address() + "`: " + change.action().description() + optional(cause(change))
                + ". " + finding.why() + "."
                + (finding.preventDestroy() ? " " + Finding.PREVENT_DESTROY_ADVICE : "");
    }

    private static String details(ResourceChange change, StackReview review) {
        List<String> parts = new ArrayList<>();
        if (!cause(change).isEmpty()) {
            parts.add(cause(change));
        }
        if (!change.changedAttributes().isEmpty()) {
            parts.add("changes " + code(change.changedAttributes()));
        }
        change.sensitiveChanged().forEach(name -> parts.add("`" + name + "` (sensitive value changed)"));
        if (!change.tags().isEmpty()) {
            parts.add(change.tags().summary());
        }
        if (!change.disruptions().isEmpty()) {
            parts.add("**disruptive**: " + change.disruptions().stream().map(Disruption::attribute).collect(Collectors.joining(", ")));
        }
        switch (review.verdictOn(change)) {
            case BLOCKED -> parts.add(review.refusedByPreventDestroy().contains(change.address())
                    ? "**refused by Terraform: prevent_destroy**" : "**blocked by the guard**");
            case ACKNOWLEDGED -> parts.add("**acknowledged**");
            default -> { }
        }
        return String.join("; ", parts);
    }

    /** Like {@link ResourceChange#cause()}, with attribute paths as code. */
    private static String cause(ResourceChange change) {
        return change.replacePaths().isEmpty() ? change.cause() : "forced by " + code(change.replacePaths());
    }

    private static String code(List<String> names) {
        return names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
    }

    private static String optional(String cause) {
        return cause.isEmpty() ? "" : ", " + cause;
    }

    /** A table cell: a pipe would end it early (a for_each key may hold one). */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** The first line (the command that failed) and the last ones (Terraform's errors); a fence inside would end the block. */
    private static String lastLines(String text) {
        List<String> lines = text.strip().lines().toList();
        String shown = lines.size() <= FAILURE_LINES + 1 ? String.join("\n", lines)
                : lines.get(0) + "\n...\n" + String.join("\n", lines.subList(lines.size() - FAILURE_LINES, lines.size()));
        return shown.replace("```", "'''");
    }
}
