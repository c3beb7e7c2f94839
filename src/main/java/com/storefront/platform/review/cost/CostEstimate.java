package com.storefront.platform.review.cost;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stack's monthly cost estimate from its plan ({@link CostEstimator}): every charge before and after the plan, and
 * the sums the reviews show. Both the Markdown and the JSON review render this one object.
 *
 * @param lines every charge, in plan order, the state before a resource's change first
 * @param table the prices used
 */
public record CostEstimate(List<CostLine> lines, PriceTable table) {

    public CostEstimate {
        lines = List.copyOf(lines);
        Objects.requireNonNull(table, "table");
    }

    /** An estimate with no lines, priced from the bundled table: for a review not built from a plan's JSON. */
    public static CostEstimate none() {
        return new CostEstimate(List.of(), PriceTable.bundled());
    }

    /** The sums of one group's lines. */
    public CostSummary summary(CostGroup group) {
        return summarize(lines.stream().filter(l -> l.group() == group).toList());
    }

    /** Every group that has a line, with its sums, in {@link CostGroup} order. */
    public Map<CostGroup, CostSummary> byGroup() {
        Map<CostGroup, CostSummary> groups = new EnumMap<>(CostGroup.class);
        lines.forEach(line -> groups.merge(line.group(), summarize(List.of(line)), CostSummary::plus));
        return groups;
    }

    /** The sums of every line. */
    public CostSummary total() {
        return summarize(lines);
    }

    /** The lines without a monthly amount (unknown price or volume). */
    public List<CostLine> unknown() {
        return lines.stream().filter(l -> l.status() != CostLine.Status.PRICED).toList();
    }

    /** The regions the lines are priced in, sorted; a line whose region the plan does not say is left out. */
    public Set<String> regions() {
        Set<String> regions = new TreeSet<>();
        lines.stream().map(CostLine::region).filter(r -> !r.isEmpty()).forEach(regions::add);
        return regions;
    }

    private CostSummary summarize(List<CostLine> some) {
        CostSummary sum = CostSummary.ZERO;
        for (CostLine line : some) {
            var monthly = line.monthlyUsd(table.hoursPerMonth());
            boolean unknown = monthly.isEmpty();
            var amount = monthly.orElse(BigDecimal.ZERO);
            sum = sum.plus(line.planned()
                    ? new CostSummary(BigDecimal.ZERO, amount, 0, unknown ? 1 : 0)
                    : new CostSummary(amount, BigDecimal.ZERO, unknown ? 1 : 0, 0));
        }
        return sum;
    }
}
