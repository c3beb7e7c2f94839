package com.storefront.platform.review;

import java.util.Objects;

/**
 * A protected resource that a plan deletes or replaces.
 *
 * @param stack the stack whose plan does it
 * @param change the change
 * @param protection why the resource is protected
 * @param acknowledged whether a reviewer acknowledged it
 * @param preventDestroy whether the resource also has {@code lifecycle.prevent_destroy}, so that Terraform itself
 *     refuses the plan and no acknowledgement can let it through
 */
public record Finding(String stack, ResourceChange change, ProtectedResourceType protection, boolean acknowledged,
        boolean preventDestroy) {

    public Finding {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(protection, "protection");
        if (!change.action().destroysExisting()) {
            throw new IllegalArgumentException("only a delete or replacement is a finding, got " + change.action().kind()
                    + " of " + change.address());
        }
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
                + ". Protected: " + protection.why() + "." + (preventDestroy ? " " + PREVENT_DESTROY_ADVICE : "");
    }

    /** What a reviewer must do about a resource with {@code prevent_destroy}. */
    static final String PREVENT_DESTROY_ADVICE = "It has lifecycle.prevent_destroy, so Terraform refuses the plan, acknowledged"
            + " or not: if this is intended, turn its protection off and deploy that first.";
}
