package com.storefront.platform.review;

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
 * @param findings the protected resources it deletes or replaces
 * @param refusedByPreventDestroy addresses for which Terraform refused the real plan ({@link PlannedStack}); when
 *     not empty, {@code changes} come from the same plan with {@code prevent_destroy} lifted. Default: empty
 * @param disruptionsBlock whether disruptive in-place changes stop the plan ({@code --block-disruptive}) rather
 *     than only being warned about. Default: false
 */
public record StackReview(String stack, List<ResourceChange> changes, List<Finding> findings,
        Set<String> refusedByPreventDestroy, boolean disruptionsBlock) implements StackOutcome {

    /** The count columns, in the order a review shows them. */
    public static final List<String> KINDS = List.of("create", "update", "replace", "delete", "forget");

    public StackReview {
        Objects.requireNonNull(stack, "stack");
        changes = List.copyOf(changes);
        findings = List.copyOf(findings);
        refusedByPreventDestroy = Set.copyOf(refusedByPreventDestroy);
    }

    /** The review of a plan Terraform accepted, warning about disruptions. */
    public StackReview(String stack, List<ResourceChange> changes, List<Finding> findings) {
        this(stack, changes, findings, Set.of(), false);
    }

    /**
     * Whether the plan may go ahead: nothing blocked, Terraform refused nothing, and no disruption when
     * disruptions block.
     */
    public boolean passes() {
        return blocked().isEmpty() && refusedByPreventDestroy.isEmpty() && !(disruptionsBlock && !disruptive().isEmpty());
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
