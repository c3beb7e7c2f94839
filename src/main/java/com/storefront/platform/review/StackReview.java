package com.storefront.platform.review;

import com.storefront.platform.review.cost.CostEstimate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The review of one stack's plan.
 *
 * @param stack the stack id, e.g. {@code database-prod}
 * @param changes every managed resource the plan changes
 * @param findings the changes that lose data ({@link Finding}): protected resources it deletes or replaces, and
 *     in-place updates that delete data kept
 * @param refusedByPreventDestroy addresses for which Terraform refused the real plan ({@link PlannedStack}); when
 *     not empty, {@code changes} come from the same plan with {@code prevent_destroy} lifted. Default: empty
 * @param disruptionsBlock whether disruptive changes stop the plan ({@code --block-disruptive}) rather
 *     than only being warned about. Default: false
 * @param cost the monthly cost estimate of the plan ({@link com.storefront.platform.review.cost.CostEstimator}).
 *     Default: an estimate with no lines, for a review not built from a plan's JSON
 */
public record StackReview(String stack, List<ResourceChange> changes, List<Finding> findings,
        Set<String> refusedByPreventDestroy, boolean disruptionsBlock, CostEstimate cost) implements StackOutcome {

    /** The count columns, in the order a review shows them. */
    public static final List<String> KINDS = List.of("create", "update", "replace", "delete", "forget");

    public StackReview {
        Objects.requireNonNull(stack, "stack");
        changes = List.copyOf(changes);
        findings = List.copyOf(findings);
        refusedByPreventDestroy = Set.copyOf(refusedByPreventDestroy);
        Objects.requireNonNull(cost, "cost");
    }

    /** A review without a cost estimate. */
    public StackReview(String stack, List<ResourceChange> changes, List<Finding> findings,
            Set<String> refusedByPreventDestroy, boolean disruptionsBlock) {
        this(stack, changes, findings, refusedByPreventDestroy, disruptionsBlock, CostEstimate.none());
    }

    /** The review of a plan Terraform accepted, warning about disruptions, without a cost estimate. */
    public StackReview(String stack, List<ResourceChange> changes, List<Finding> findings) {
        this(stack, changes, findings, Set.of(), false);
    }

    /**
     * {@link Verdict#BLOCKED} when anything is blocked, Terraform refused anything, or disruptions block and there
     * is one; else {@link Verdict#ACKNOWLEDGED} when a reviewer let a protected change through; else
     * {@link Verdict#PASSED}.
     */
    public Verdict verdict() {
        if (!blocked().isEmpty() || !refusedByPreventDestroy.isEmpty() || (disruptionsBlock && !disruptive().isEmpty())) {
            return Verdict.BLOCKED;
        }
        return acknowledged().isEmpty() ? Verdict.PASSED : Verdict.ACKNOWLEDGED;
    }

    /**
     * The guard's verdict on one of {@link #changes()}: {@link Verdict#BLOCKED} when Terraform refused it or its
     * finding blocks, {@link Verdict#ACKNOWLEDGED} when its finding was acknowledged, else {@link Verdict#PASSED}.
     * A disruption does not count here: it is reported beside the change, and blocks the stack as a whole.
     */
    public Verdict verdictOn(ResourceChange change) {
        if (refusedByPreventDestroy.contains(change.address())) {
            return Verdict.BLOCKED;
        }
        return findings.stream().filter(f -> f.change().equals(change)).findFirst()
                .map(f -> f.blocks() ? Verdict.BLOCKED : Verdict.ACKNOWLEDGED)
                .orElse(Verdict.PASSED);
    }

    /** The in-place updates that interrupt clients, in plan order. */
    public List<ResourceChange> disruptive() {
        return changes.stream().filter(c -> !c.disruptions().isEmpty()).toList();
    }

    /** How many changes of each {@link Action#kind() kind}, every kind present, in {@link #KINDS} order. */
    public Map<String, Integer> counts() {
        return countKinds(changes);
    }

    /** The findings that stop the plan. */
    public List<Finding> blocked() {
        return findings.stream().filter(Finding::blocks).toList();
    }

    /** The findings a reviewer's acknowledgement lets through. */
    public List<Finding> acknowledged() {
        return findings.stream().filter(f -> !f.blocks()).toList();
    }

    static Map<String, Integer> countKinds(List<ResourceChange> changes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        KINDS.forEach(kind -> counts.put(kind, 0));
        changes.forEach(change -> counts.merge(change.action().kind(), 1, Integer::sum));
        return counts;
    }
}
