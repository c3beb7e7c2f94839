package com.storefront.platform.review;

import com.storefront.platform.review.cost.CostSummary;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The review of every stack of one run.
 *
 * @param mode how the stacks were planned
 * @param reviews the stacks reviewed, in the order given
 * @param failures the stacks that could not be reviewed
 * @param unusedAcknowledgements acknowledgements that matched no protected delete or replacement
 */
public record ReviewRun(Mode mode, List<StackReview> reviews, List<StackFailure> failures,
        List<Acknowledgement> unusedAcknowledgements) {

    public ReviewRun {
        Objects.requireNonNull(mode, "mode");
        reviews = List.copyOf(reviews);
        failures = List.copyOf(failures);
        unusedAcknowledgements = List.copyOf(unusedAcknowledgements);
    }

    /**
     * {@link Verdict#ERROR} when a stack could not be reviewed, else {@link Verdict#BLOCKED} when a stack is blocked,
     * else {@link Verdict#ACKNOWLEDGED} when a reviewer let a protected change through, else {@link Verdict#PASSED}.
     */
    public Verdict verdict() {
        if (!failures.isEmpty()) {
            return Verdict.ERROR;
        }
        if (reviews.stream().anyMatch(r -> r.verdict() == Verdict.BLOCKED)) {
            return Verdict.BLOCKED;
        }
        return acknowledged().isEmpty() ? Verdict.PASSED : Verdict.ACKNOWLEDGED;
    }

    /** The blocked findings of every stack. */
    public List<Finding> blocked() {
        return reviews.stream().flatMap(r -> r.blocked().stream()).toList();
    }

    /** The acknowledged findings of every stack. */
    public List<Finding> acknowledged() {
        return reviews.stream().flatMap(r -> r.acknowledged().stream()).toList();
    }

    /** The counts over every reviewed stack. */
    public Map<String, Integer> counts() {
        return StackReview.countKinds(reviews.stream().flatMap(r -> r.changes().stream()).toList());
    }

    /** The monthly cost of every reviewed stack together: before, after and the change. */
    public CostSummary costTotal() {
        return reviews.stream().map(r -> r.cost().total()).reduce(CostSummary.ZERO, CostSummary::plus);
    }
}
