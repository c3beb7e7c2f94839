package com.storefront.platform.deployment;

import com.storefront.platform.config.EnvironmentConfig;

/** The stacks each environment is made of, one per layer, each with its own state. */
public enum Layer {
    NETWORK("network"),
    DATABASE("database");

    private final String component;

    Layer(String component) {
        this.component = component;
    }

    /** The name used in stack ids and the {@code Component} tag. */
    public String component() {
        return component;
    }

    /** {@code <component>-<env>}, e.g. {@code database-prod}: the id given to {@code cdktf deploy}. */
    public String stackId(EnvironmentConfig environment) {
        return component + "-" + environment.name();
    }
}
