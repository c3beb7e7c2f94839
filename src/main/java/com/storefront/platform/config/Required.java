package com.storefront.platform.config;

/** Builders' check that a value without a default was given. */
final class Required {

    private Required() {
    }

    /** @throws InvalidConfigException naming {@code field} when {@code value} is null */
    static <T> T of(String field, T value) {
        if (value == null) {
            throw new InvalidConfigException(field, null, "is required; set it in Environments (its tier's defaults or the environment's entry)");
        }
        return value;
    }
}
