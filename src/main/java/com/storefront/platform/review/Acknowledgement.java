package com.storefront.platform.review;

import java.util.Objects;

/**
 * A reviewer's explicit "yes, delete or replace this one", given per address with {@code --allow-replace}
 * or {@value #ENVIRONMENT_VARIABLE}.
 *
 * <p>Written {@code <address>} to cover that address in every stack of the run, or
 * {@code <stack>:<address>} (e.g. {@code database-prod:aws_db_instance.postgres_primary_1A2B3C4D}) to cover it
 * in one stack only: the stacks of different environments share addresses, and acknowledging a replacement
 * in staging should not let the same one through in prod.
 *
 * @param stack the stack it is limited to; empty for every stack
 * @param address the resource address
 */
public record Acknowledgement(String stack, String address) {

    /** Comma-separated acknowledgements, added to those given with {@code --allow-replace}. */
    public static final String ENVIRONMENT_VARIABLE = "STOREFRONT_ALLOW_REPLACE";

    public Acknowledgement {
        Objects.requireNonNull(stack, "stack");
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("an acknowledgement needs a resource address, e.g. "
                    + "database-prod:aws_db_instance.postgres_primary_1A2B3C4D, got '" + address + "'");
        }
    }

    /**
     * Reads {@code <address>} or {@code <stack>:<address>}. A prefix is a stack only when it has no {@code .}
     * or {@code [}, as every resource address has one before any colon (a colon may appear in a
     * {@code for_each} key).
     */
    public static Acknowledgement parse(String text) {
        String trimmed = text.strip();
        int colon = trimmed.indexOf(':');
        if (colon > 0) {
            String prefix = trimmed.substring(0, colon);
            if (!prefix.contains(".") && !prefix.contains("[")) {
                return new Acknowledgement(prefix, trimmed.substring(colon + 1).strip());
            }
        }
        return new Acknowledgement("", trimmed);
    }

    /** Whether it acknowledges the resource at {@code address} in {@code stackName}. */
    public boolean covers(String stackName, String resourceAddress) {
        return address.equals(resourceAddress) && (stack.isEmpty() || stack.equals(stackName));
    }

    /** As the reviewer wrote it. */
    @Override
    public String toString() {
        return stack.isEmpty() ? address : stack + ":" + address;
    }
}
