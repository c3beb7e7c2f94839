package com.storefront.platform.review;

import java.util.Objects;
import java.util.Set;

/**
 * One stack's plan, ready to review: what {@link StackPlanner#plan} produces, or a plan made once and shared by
 * several reviews ({@link PlanReview#review(Mode, java.util.List, Guard)}).
 *
 * @param stack the stack id, e.g. {@code database-prod}
 * @param planJson {@code terraform show -json} of the saved plan
 * @param refusedByPreventDestroy the addresses for which Terraform refused the real plan because they have
 *     {@code lifecycle.prevent_destroy} and would be destroyed. When not empty, {@code planJson} is of the same
 *     stack planned with {@code prevent_destroy} lifted, so that the review can still say what forces the
 *     destruction; the real plan cannot be applied. Default: empty
 */
public record PlannedStack(String stack, String planJson, Set<String> refusedByPreventDestroy) {

    public PlannedStack {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(planJson, "planJson");
        refusedByPreventDestroy = Set.copyOf(refusedByPreventDestroy);
    }

    /** A plan Terraform accepted. */
    public PlannedStack(String stack, String planJson) {
        this(stack, planJson, Set.of());
    }
}
