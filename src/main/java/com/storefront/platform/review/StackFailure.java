package com.storefront.platform.review;

import java.util.Objects;

/**
 * A stack that could not be reviewed: Terraform failed, or the stack does not fit the mode.
 *
 * @param stack the stack id
 * @param message what went wrong, with Terraform's own output when it failed
 */
public record StackFailure(String stack, String message) implements StackOutcome {

    public StackFailure {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(message, "message");
    }
}
