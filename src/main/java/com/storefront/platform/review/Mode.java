package com.storefront.platform.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.storefront.platform.deployment.EmulatorDeployment;
import java.util.List;

/** How the stacks are planned: against AWS, against an AWS emulator, or offline with no account and no network. */
public enum Mode {

    /**
     * Stacks synthesized with {@code STOREFRONT_MODE=offline}: local state, placeholder credentials and the
     * stand-in network outputs; {@code -refresh=false} because there is no account to read.
     */
    OFFLINE("offline", "offline", "local state, placeholder credentials, -refresh=false", "--offline", List.of("-refresh=false")),

    /**
     * Stacks synthesized with {@code STOREFRONT_MODE=emulator}: local state, and every AWS call sent to an AWS
     * emulator; the plan refreshes against what the emulator holds.
     */
    EMULATOR("emulator", "emulator", "local state, an AWS emulator's endpoints, refreshed", "--emulator", List.of()),

    /**
     * Stacks synthesized for AWS: S3 backends and the caller's (read-only) credentials; the plan refreshes
     * against the real resources.
     */
    REAL("real", "aws", "S3 state, the caller's AWS credentials, refreshed", "neither --offline nor --emulator", List.of());

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
     * The mode a stack was synthesized for, from its {@code cdk.tf.json}: an S3 backend is real, a local one whose
     * provider takes the emulator's profile is the emulator's, a local one without is offline.
     */
    static Mode synthesizedFor(JsonNode configuration) {
        JsonNode backend = configuration.path("terraform").path("backend");
        if (backend.isObject() && !backend.has("local")) {
            return REAL;
        }
        for (JsonNode provider : configuration.path("provider").path("aws")) {
            if (provider.path("profile").asText().equals(EmulatorDeployment.PROFILE)) {
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
        return description;
    }

    /** How the review command is told this mode. */
    public String option() {
        return option;
    }

    /** Options this mode adds to {@code terraform plan}. */
    public List<String> planOptions() {
        return planOptions;
    }
}
