package com.storefront.platform.review;

import java.util.Objects;
import java.util.Set;

/**
 * What planning one stack produced.
 *
 * @param planJson {@code terraform show -json} of the saved plan
 * @param refusedByPreventDestroy the addresses for which Terraform refused the real plan because they have
 *     {@code lifecycle.prevent_destroy} and would be destroyed. When not empty, {@code planJson} is of the same
 *     stack planned with {@code prevent_destroy} lifted, so that the review can still say what forces the
 *     destruction; the real plan cannot be applied. Default: empty
 */
record PlannedStack(String planJson, Set<String> refusedByPreventDestroy) {

    PlannedStack {
        Objects.requireNonNull(planJson, "planJson");
        refusedByPreventDestroy = Set.copyOf(refusedByPreventDestroy);
    }
}
