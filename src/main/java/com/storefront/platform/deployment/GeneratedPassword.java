package com.storefront.platform.deployment;

import java.util.function.Supplier;

/**
 * A password made fresh on every Terraform run and never stored: only write-only attributes may take it.
 * Whatever produces it (an ephemeral resource, or an offline stand-in) is declared the first time a construct
 * asks for it, so a stack that needs no password declares nothing.
 */
public final class GeneratedPassword {

    private final Supplier<String> declaration;
    private String expression;

    GeneratedPassword(Supplier<String> declaration) {
        this.declaration = declaration;
    }

    /** The HCL expression yielding the password, e.g. inside {@code jsonencode(...)}; for write-only attributes only. */
    public String expression() {
        if (expression == null) {
            expression = declaration.get();
        }
        return expression;
    }

    /** The same, as an interpolated attribute value. */
    public String reference() {
        return "${" + expression() + "}";
    }
}
