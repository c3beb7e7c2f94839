package com.storefront.platform.review;

/**
 * What the review decided about one change ({@link StackReview#verdictOn}), one stack ({@link StackReview#verdict})
 * or the run ({@link ReviewRun#verdict}), and the exit code it means. The Markdown, the JSON and the console all
 * state it from here, so they cannot disagree.
 */
public enum Verdict {

    /** Nothing to stop: no protected resource deleted or replaced, or none that matters to this change. */
    PASSED("passed", 0, "passed"),

    /** Passed: every delete or replacement of a protected resource was acknowledged by a reviewer. */
    ACKNOWLEDGED("acknowledged", 0, "passed, with acknowledged changes"),

    /**
     * The guard blocked a delete or replacement of a protected resource, Terraform refused one that has
     * {@code prevent_destroy}, or a disruptive in-place change blocks ({@code --block-disruptive}).
     */
    BLOCKED("blocked", 1, "blocked"),

    /**
     * A stack could not be reviewed (a run only): an incomplete review must not pass, and says more than a block.
     * Bad arguments exit with it too.
     */
    ERROR("error", 2, "incomplete: a stack could not be reviewed");

    private final String label;
    private final int exitCode;
    private final String description;

    Verdict(String label, int exitCode, String description) {
        this.label = label;
        this.exitCode = exitCode;
        this.description = description;
    }

    /** {@code passed}, {@code acknowledged}, {@code blocked} or {@code error}: a change's {@code guard} in the JSON. */
    public String label() {
        return label;
    }

    /** The review command's exit code: 0 passed (acknowledged or not), 1 blocked, 2 error. */
    public int exitCode() {
        return exitCode;
    }

    /**
     * The {@code result} of a stack or a run, as the JSON and the console give it: {@code passed} (acknowledged or
     * not), {@code blocked} or {@code error}.
     */
    public String result() {
        return this == ACKNOWLEDGED ? PASSED.label : label;
    }

    /** The result as a reviewer reads it, e.g. {@code passed, with acknowledged changes}. */
    public String description() {
        return description;
    }
}
