package com.storefront.platform.review;

import java.util.List;

/** How the stacks are planned: against AWS, or offline with no account and no network. */
public enum Mode {

    /**
     * Stacks synthesized with {@code STOREFRONT_MODE=offline}: local state, placeholder credentials and the
     * stand-in network outputs; {@code -refresh=false} because there is no account to read.
     */
    OFFLINE("offline", "local state, placeholder credentials, -refresh=false", List.of("-refresh=false")),

    /**
     * Stacks synthesized for AWS: S3 backends and the caller's (read-only) credentials; the plan refreshes
     * against the real resources.
     */
    REAL("real", "S3 state, the caller's AWS credentials, refreshed", List.of());

    private final String label;
    private final String description;
    private final List<String> planOptions;

    Mode(String label, String description, List<String> planOptions) {
        this.label = label;
        this.description = description;
        this.planOptions = planOptions;
    }

    /** {@code offline} or {@code real}. */
    public String label() {
        return label;
    }

    /** What the mode means, for the report. */
    public String description() {
        return description;
    }

    /** Options this mode adds to {@code terraform plan}. */
    public List<String> planOptions() {
        return planOptions;
    }
}
