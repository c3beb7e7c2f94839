package com.storefront.platform.review;

import java.util.ArrayList;
import java.util.List;

/**
 * How a resource's tags change, counted rather than listed: with provider default tags every resource
 * carries the same few, and a change to one of them would otherwise repeat on every row of the review.
 *
 * @param added tags that are new
 * @param changed tags whose value changes
 * @param removed tags that go away
 * @param knownAfterApply whether the tags depend on values only the apply will know, so cannot be counted
 */
public record TagChanges(int added, int changed, int removed, boolean knownAfterApply) {

    /** No tag changes. */
    public static final TagChanges NONE = new TagChanges(0, 0, 0, false);

    /** Tags that cannot be counted before the apply. */
    public static final TagChanges UNKNOWN = new TagChanges(0, 0, 0, true);

    public TagChanges {
        if (added < 0 || changed < 0 || removed < 0) {
            throw new IllegalArgumentException("tag counts must not be negative, got " + added + "/" + changed + "/" + removed);
        }
    }

    /** Whether there is anything to say about the tags. */
    public boolean isEmpty() {
        return added == 0 && changed == 0 && removed == 0 && !knownAfterApply;
    }

    /** E.g. {@code tags: 2 added, 1 changed}; empty when nothing changes. */
    public String summary() {
        if (knownAfterApply) {
            return "tags: known after apply";
        }
        List<String> parts = new ArrayList<>();
        if (added > 0) {
            parts.add(added + " added");
        }
        if (changed > 0) {
            parts.add(changed + " changed");
        }
        if (removed > 0) {
            parts.add(removed + " removed");
        }
        return parts.isEmpty() ? "" : "tags: " + String.join(", ", parts);
    }
}
