package com.storefront.platform.review;

import java.util.Objects;

/**
 * A change that loses data: the deletion or replacement of a protected resource, or an in-place update that deletes
 * data it kept ({@link DataLosingUpdate}).
 *
 * @param stack the stack whose plan does it
 * @param change the change
 * @param protection what guards it: the protected resource type ({@link ProtectedResourceType#type()}, e.g.
 *     {@code aws_db_instance}), or {@value #IN_PLACE_DATA_LOSS}
 * @param why what is lost, as one sentence, e.g. {@code Protected: a database instance: ...}
 * @param acknowledged whether a reviewer acknowledged it
 * @param preventDestroy whether the resource also has {@code lifecycle.prevent_destroy}, so that Terraform itself
 *     refuses the plan and no acknowledgement can let it through
 */
public record Finding(String stack, ResourceChange change, String protection, String why, boolean acknowledged,
        boolean preventDestroy) {

    /** The {@link #protection} of an in-place update that deletes data. */
    public static final String IN_PLACE_DATA_LOSS = "in-place data loss";

    public Finding {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(protection, "protection");
        Objects.requireNonNull(why, "why");
        if (!change.action().destroysExisting() && change.dataLosses().isEmpty()) {
            throw new IllegalArgumentException("only a delete, a replacement or an update that loses data is a finding, got "
                    + change.action().kind() + " of " + change.address());
        }
    }

    /** The delete or replacement of a resource of a protected type. */
    static Finding deletes(String stack, ResourceChange change, ProtectedResourceType protection, boolean acknowledged,
            boolean preventDestroy) {
        return new Finding(stack, change, protection.type(), "Protected: " + protection.why(), acknowledged, preventDestroy);
    }

    /** An in-place update that deletes data it kept. */
    static Finding losesInPlace(String stack, ResourceChange change, boolean acknowledged) {
        return new Finding(stack, change, IN_PLACE_DATA_LOSS, "Loses data: " + String.join("; ", change.dataLosses()), acknowledged,
                false);
    }

    /** Whether it stops the plan: not acknowledged, or refused by Terraform whatever the reviewer says. */
    public boolean blocks() {
        return !acknowledged || preventDestroy;
    }

    /**
     * One line naming the stack, address, action and cause, e.g. {@code database-prod: aws_db_instance.x —
     * replace (delete, then create), forced by snapshot_identifier. Protected: a database instance: ...}.
     */
    public String message() {
        String cause = change.cause().isEmpty() ? "" : ", " + change.cause();
        return stack + ": " + change.address() + " — " + change.action().description() + cause
                + ". " + why + "." + (preventDestroy ? " " + PREVENT_DESTROY_ADVICE : "");
    }

    /** What a reviewer must do about a resource with {@code prevent_destroy}. */
    static final String PREVENT_DESTROY_ADVICE = "It has lifecycle.prevent_destroy, so Terraform refuses the plan, acknowledged"
            + " or not: if this is intended, turn its protection off and deploy that first.";
}
