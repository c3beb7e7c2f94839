package com.storefront.platform.deployment;

import com.storefront.platform.config.EnvironmentConfig;
import java.nio.file.Path;

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

    /** Where synthesis into {@code outdir} writes this layer's stack of {@code environment}, and Terraform runs it. */
    public Path stackDirectory(Path outdir, EnvironmentConfig environment) {
        return outdir.resolve("stacks").resolve(stackId(environment));
    }
}
