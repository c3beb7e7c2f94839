package com.storefront.platform.review.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The monthly cost of some lines before and after the plan, in the table's currency: only lines with a known price
 * and volume are summed; the others are counted.
 *
 * @param current the sum before the plan
 * @param planned the sum after it
 * @param unknownCurrent lines before the plan with an unknown price or volume
 * @param unknownPlanned lines after it with an unknown price or volume
 */
public record CostSummary(BigDecimal current, BigDecimal planned, int unknownCurrent, int unknownPlanned) {

    public static final CostSummary ZERO = new CostSummary(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);

    public CostSummary {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(planned, "planned");
    }

    /** The change this plan makes: planned minus current. */
    public BigDecimal change() {
        return planned.subtract(current);
    }

    public CostSummary plus(CostSummary other) {
        return new CostSummary(current.add(other.current), planned.add(other.planned), unknownCurrent + other.unknownCurrent,
                unknownPlanned + other.unknownPlanned);
    }
}
