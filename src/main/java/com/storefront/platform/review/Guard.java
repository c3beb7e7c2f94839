package com.storefront.platform.review;

import com.storefront.platform.review.cost.CostEstimator;
import com.storefront.platform.review.cost.PriceTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Stops a plan that deletes or replaces a {@link ProtectedResourceType protected resource}, or updates one in place in a
 * way that deletes data it kept ({@link DataLosingUpdate}), unless a reviewer acknowledged that very address; and, when
 * asked, a plan with changes that interrupt clients.
 *
 * @param acknowledgements the reviewer's acknowledgements. Default (empty): every such change is blocked
 * @param blockDisruptive whether disruptive changes ({@link DisruptiveAttribute}) block the plan
 *     ({@code --block-disruptive}). Default: false, they are warned about
 */
public record Guard(List<Acknowledgement> acknowledgements, boolean blockDisruptive) {

    public Guard {
        acknowledgements = List.copyOf(Objects.requireNonNull(acknowledgements, "acknowledgements"));
    }

    /** A guard that warns about disruptive changes. */
    public Guard(List<Acknowledgement> acknowledgements) {
        this(acknowledgements, false);
    }

    /**
     * Reads {@code planned}'s plan and reviews it under its stack's name, with its monthly cost estimate from the
     * bundled {@link PriceTable}.
     *
     * @throws IllegalArgumentException when the plan is not a plan's JSON ({@link PlanReader#read})
     */
    public StackReview review(PlannedStack planned) {
        List<ResourceChange> changes = PlanReader.read(planned.planJson());
        return new StackReview(planned.stack(), changes, inspect(planned.stack(), changes, planned.refusedByPreventDestroy()),
                planned.refusedByPreventDestroy(), blockDisruptive, CostEstimator.estimate(planned.planJson(), PriceTable.bundled()));
    }

    /** Every change that loses data ({@link Finding}) in {@code stack}'s changes, from a plan Terraform accepted. */
    public List<Finding> inspect(String stack, List<ResourceChange> changes) {
        return inspect(stack, changes, Set.of());
    }

    /**
     * Every change that loses data ({@link Finding}) in {@code stack}'s changes, blocked or acknowledged.
     *
     * @param refusedByPreventDestroy addresses for which Terraform refused the plan ({@link PlannedStack})
     */
    public List<Finding> inspect(String stack, List<ResourceChange> changes, Set<String> refusedByPreventDestroy) {
        List<Finding> findings = new ArrayList<>();
        for (ResourceChange change : changes) {
            boolean acknowledged = acknowledgements.stream().anyMatch(a -> a.covers(stack, change.address()));
            if (change.action().destroysExisting()) {
                ProtectedResourceType.of(change.type()).ifPresent(protection -> findings.add(Finding.deletes(stack, change, protection,
                        acknowledged, refusedByPreventDestroy.contains(change.address()))));
            } else if (!change.dataLosses().isEmpty()) {
                findings.add(Finding.losesInPlace(stack, change, acknowledged));
            }
        }
        return findings;
    }

    /**
     * The acknowledgements that let nothing through in {@code findings}: a typo, or a change that is no longer
     * planned. Reported so that a mistyped address never looks like an approval.
     */
    public List<Acknowledgement> unused(Collection<Finding> findings) {
        return acknowledgements.stream()
                .filter(a -> findings.stream().noneMatch(f -> a.covers(f.stack(), f.change().address())))
                .toList();
    }
}
