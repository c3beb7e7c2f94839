package com.storefront.platform.review;

import java.util.List;
import java.util.Optional;

/**
 * What a plan does to one managed resource, from Terraform's {@code change.actions} list.
 *
 * <p>Terraform spells a replacement as two actions whose order matters to the reviewer: delete-then-create
 * (the default, with an outage in between) or create-then-delete ({@code create_before_destroy}). Both
 * destroy the existing object, so both are replacements for the counts and for the {@link Guard}.
 */
public enum Action {

    CREATE("create", "create"),
    UPDATE("update", "update in place"),
    REPLACE_DELETE_FIRST("replace", "replace (delete, then create)"),
    REPLACE_CREATE_FIRST("replace", "replace (create, then delete)"),
    DELETE("delete", "delete"),
    /** Removed from state by a {@code removed} block, left running in AWS. */
    FORGET("forget", "forget (removed from state, kept in AWS)");

    private final String kind;
    private final String description;

    Action(String kind, String description) {
        this.kind = kind;
        this.description = description;
    }

    /**
     * The action Terraform's list stands for; empty for {@code no-op} and {@code read}, which change nothing.
     *
     * @throws IllegalArgumentException for a list this reviewer does not know, so that a new Terraform
     *     action is never silently left out of a review
     */
    public static Optional<Action> fromTerraform(List<String> actions) {
        return switch (String.join(",", actions)) {
            case "no-op", "read" -> Optional.empty();
            case "create" -> Optional.of(CREATE);
            case "update" -> Optional.of(UPDATE);
            case "delete,create" -> Optional.of(REPLACE_DELETE_FIRST);
            case "create,delete" -> Optional.of(REPLACE_CREATE_FIRST);
            case "delete" -> Optional.of(DELETE);
            case "forget" -> Optional.of(FORGET);
            default -> throw new IllegalArgumentException("unknown Terraform actions " + actions
                    + ": the plan review does not know them; extend Action before trusting this review");
        };
    }

    /** The column it is counted in: {@code create}, {@code update}, {@code replace}, {@code delete} or {@code forget}. */
    public String kind() {
        return kind;
    }

    /** How the review shows it, e.g. {@code replace (delete, then create)}. */
    public String description() {
        return description;
    }

    /** Whether the existing object is destroyed: a delete or either kind of replacement. */
    public boolean destroysExisting() {
        return this == DELETE || this == REPLACE_DELETE_FIRST || this == REPLACE_CREATE_FIRST;
    }

    /** Whether it is a replacement, in either order. */
    public boolean isReplacement() {
        return this == REPLACE_DELETE_FIRST || this == REPLACE_CREATE_FIRST;
    }
}
