package com.storefront.platform.config;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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

    /**
     * The values of a builder's varargs, as a list.
     *
     * @throws InvalidConfigException naming {@code field} when the array or one of its values is null
     */
    @SafeVarargs
    static <T> List<T> each(String field, String example, T... values) {
        if (values == null || Arrays.stream(values).anyMatch(Objects::isNull)) {
            throw new InvalidConfigException(field, values == null ? null : Arrays.asList(values),
                    "must list values, none of them null, e.g. " + example);
        }
        return List.of(values);
    }
}
