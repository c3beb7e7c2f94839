package com.storefront.platform.review;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One managed resource that a plan changes, reduced to what a reviewer needs. It never holds an attribute
 * value, only attribute names and counts, so nothing sensitive can leak into a review written from it.
 *
 * @param address the resource address, e.g. {@code aws_db_instance.postgres_primary_1A2B3C4D}
 * @param type the resource type, e.g. {@code aws_db_instance}
 * @param action what the plan does to it
 * @param replacePaths for a replacement, the attributes that force it, rendered like {@code snapshot_identifier}
 *     or {@code tags.Name}; empty otherwise, and empty when Terraform gives a reason instead of attributes
 * @param actionReason Terraform's {@code action_reason} (e.g. {@code delete_because_no_resource_config}); empty when
 *     it gives none
 * @param changedAttributes for an update or replacement, top-level attributes whose value changes, without
 *     {@code tags}/{@code tags_all} (summarized in {@code tags}), sensitive ones (in {@code sensitiveChanged}) and
 *     those forcing the replacement (in {@code replacePaths});
 *     for a replacement, values that only become unknown are left out, since every computed value of a new
 *     object does
 * @param sensitiveChanged top-level attributes holding a sensitive value that changes; their values are never read
 * @param tags how the tags change
 * @param disruptions for an in-place update or a replacement, what interrupts clients ({@link DisruptiveAttribute}); empty
 *     otherwise
 * @param dataLosses for an in-place update, the data it deletes ({@link DataLosingUpdate}), each as {@code what: why};
 *     empty otherwise
 */
public record ResourceChange(
        String address,
        String type,
        Action action,
        List<String> replacePaths,
        String actionReason,
        List<String> changedAttributes,
        List<String> sensitiveChanged,
        TagChanges tags,
        List<Disruption> disruptions,
        List<String> dataLosses) {

    // Terraform's reasons, worded to follow "because".
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("replace_because_tainted", "the object is tainted"),
            Map.entry("replace_by_request", "a replacement was requested with -replace"),
            Map.entry("replace_by_triggers", "its replace_triggered_by fired"),
            Map.entry("replace_because_cannot_update", "an attribute cannot be updated in place"),
            Map.entry("delete_because_no_resource_config", "it was removed from the configuration"),
            Map.entry("delete_because_no_module", "its module was removed from the configuration"),
            Map.entry("delete_because_wrong_repetition", "count/for_each was added or removed"),
            Map.entry("delete_because_count_index", "its count index is out of range"),
            Map.entry("delete_because_each_key", "its for_each key is gone"),
            Map.entry("delete_because_no_move_target", "the target of its moved block is gone"),
            Map.entry(PlanReader.VANISHED, "the refresh no longer finds it where the configuration looks: deleted outside"
                    + " Terraform, or left in the region or account the configuration named before, now out of Terraform's hands"));

    public ResourceChange {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actionReason, "actionReason");
        Objects.requireNonNull(tags, "tags");
        replacePaths = List.copyOf(replacePaths);
        changedAttributes = List.copyOf(changedAttributes);
        sensitiveChanged = List.copyOf(sensitiveChanged);
        disruptions = List.copyOf(disruptions);
        dataLosses = List.copyOf(dataLosses);
    }

    /**
     * Why Terraform does it, for a reviewer: {@code forced by snapshot_identifier, kms_key_id} for a replacement
     * with forcing attributes, else Terraform's reason as {@code because it was removed from the configuration};
     * empty when there is neither.
     */
    public String cause() {
        if (!replacePaths.isEmpty()) {
            return "forced by " + String.join(", ", replacePaths);
        }
        return actionReason.isEmpty() ? "" : "because " + REASONS.getOrDefault(actionReason, actionReason);
    }
}
