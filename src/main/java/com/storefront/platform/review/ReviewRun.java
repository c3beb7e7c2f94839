package com.storefront.platform.review;

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

    /** Every stack was reviewed and nothing was blocked. */
    public static final int PASSED = 0;

    /**
     * The guard blocked a delete or replacement of a protected resource, or Terraform refused one that has
     * {@code prevent_destroy}.
     */
    public static final int BLOCKED = 1;

    /** Bad arguments, or a stack that Terraform could not plan: the review is incomplete. */
    public static final int ERROR = 2;

    public ReviewRun {
        Objects.requireNonNull(mode, "mode");
        reviews = List.copyOf(reviews);
        failures = List.copyOf(failures);
        unusedAcknowledgements = List.copyOf(unusedAcknowledgements);
    }

    /**
     * {@link #ERROR} when a stack could not be reviewed (an incomplete review must not pass, and says more
     * than a block), else {@link #BLOCKED} when anything was blocked, else {@link #PASSED}.
     */
    public int exitCode() {
        if (!failures.isEmpty()) {
            return ERROR;
        }
        return reviews.stream().allMatch(StackReview::passes) ? PASSED : BLOCKED;
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
}
