package com.storefront.platform.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** How the stacks are planned: against AWS, against an AWS emulator, or offline with no account and no network. */
public enum Mode {

    /**
     * Stacks synthesized with {@code STOREFRONT_MODE=offline}: local state, placeholder credentials and the
     * stand-in network outputs; {@code -refresh=false} because there is no account to read.
     */
    OFFLINE("offline", "offline", "local state, placeholder credentials", "--offline", List.of("-refresh=false")),

    /**
     * Stacks synthesized with {@code STOREFRONT_MODE=emulator}: local state and provider endpoints on an AWS
     * emulator; the plan refreshes against what the emulator holds.
     */
    EMULATOR("emulator", "emulator", "local state, an AWS emulator's endpoints", "--emulator", List.of()),

    /**
     * Stacks synthesized for AWS: S3 backends and the caller's (read-only) credentials; the plan refreshes
     * against the real resources.
     */
    REAL("real", "aws", "S3 state, the caller's AWS credentials", "neither --offline nor --emulator", List.of());

    private final String label;
    private final String synthesisMode;
    private final String description;
    private final String option;
    private final List<String> planOptions;

    Mode(String label, String synthesisMode, String description, String option, List<String> planOptions) {
        this.label = label;
        this.synthesisMode = synthesisMode;
        this.description = description;
        this.option = option;
        this.planOptions = planOptions;
    }

    /**
     * The mode a stack was synthesized for, from its {@code cdk.tf.json}: an S3 backend is real, a local one with
     * provider endpoints is the emulator's, a local one without is offline.
     */
    static Mode synthesizedFor(JsonNode configuration) {
        JsonNode backend = configuration.path("terraform").path("backend");
        if (backend.isObject() && !backend.has("local")) {
            return REAL;
        }
        for (JsonNode provider : configuration.path("provider").path("aws")) {
            if (!provider.path("endpoints").isEmpty()) {
                return EMULATOR;
            }
        }
        return OFFLINE;
    }

    /** {@code offline}, {@code emulator} or {@code real}. */
    public String label() {
        return label;
    }

    /** The {@code STOREFRONT_MODE} that synthesizes stacks for this mode. */
    public String synthesisMode() {
        return synthesisMode;
    }

    /** What the mode means, for the report. */
    public String description() {
        return description + (refreshes() ? ", refreshed" : ", -refresh=false");
    }

    /** The same, for plans that refreshed or not ({@code --no-refresh}); offline plans never do. */
    public String description(boolean refreshed) {
        return refreshes() && !refreshed ? description + ", not refreshed (--no-refresh): drift is not shown" : description();
    }

    /** How the review command is told this mode. */
    public String option() {
        return option;
    }

    /** Whether this mode's plans read what is deployed (offline plans cannot: there is no account). */
    public boolean refreshes() {
        return !planOptions.contains("-refresh=false");
    }

    /** Options this mode adds to {@code terraform plan}. */
    public List<String> planOptions() {
        return planOptions;
    }
}
