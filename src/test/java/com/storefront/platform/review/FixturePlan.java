package com.storefront.platform.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Plans of the fixture ({@code src/test/resources/review/fixture/}) made once by real Terraform and checked in under
 * {@code src/test/resources/review/plans/<name>.json}, so that the review's unit tests read real plans without running
 * Terraform. Each is {@code terraform show -json} of the fixture planned offline, with these variables, against the
 * state its defaults would have written ({@link ReviewFixture}, {@link PriorState}).
 *
 * <p>After changing the fixture, a variant, {@link PriorState}, Terraform or the provider, run
 * {@code scripts/regenerate-review-plans} ({@link RegenerateReviewPlans}) and commit the files it rewrites.
 */
enum FixturePlan {

    /**
     * A change of every kind: a create-only attribute of the database (replace, delete first), the name of a secret
     * that is created before the old one is destroyed, a log group removed, an alarm threshold and a tag changed in
     * place, and a new (sensitive) password.
     */
    MANY_CHANGES("many-changes", Map.of(
            "snapshot_identifier", "storefront-fixture-before-upgrade",
            "secret_name", "storefront-fixture/credentials-v2",
            "with_audit_log_group", false,
            "cpu_alarm_threshold", 90,
            "owner_tag", "checkout",
            "db_password", "fixture-password-two")),

    /**
     * In-place updates that interrupt clients: the instance renamed, resized and moved to another port, a reboot-only
     * parameter changed.
     */
    DISRUPTIVE("disruptive", Map.of(
            "db_identifier", "storefront-fixture-postgres-renamed",
            "instance_class", "db.t4g.small",
            "db_port", 5433,
            "shared_buffers", "32768",
            "work_mem", "8192")),

    /** A new instance class only: one disruptive in-place update and nothing the guard stops. */
    INSTANCE_CLASS("instance-class", Map.of("instance_class", "db.t4g.small")),

    /** A KMS key replaced (multi-region is create-only), which forces the replacement of the database it encrypts. */
    KMS_KEY("kms-key", Map.of("kms_multi_region", true)),

    /** The database restored from a snapshot: one replacement of a protected resource, nothing else. */
    SNAPSHOT("snapshot", Map.of("snapshot_identifier", "storefront-fixture-before-upgrade")),

    /**
     * In-place updates that lose data: the automated backups, Performance Insights' history and the database's log kept
     * for less time, the export bucket's versioning suspended and its exports expiring sooner.
     */
    DATA_LOSS("data-loss", Map.of(
            "backup_retention_days", 7,
            "performance_insights_retention_days", 7,
            "log_retention_days", 7,
            "versioning_status", "Suspended",
            "export_expiration_days", 90)),

    /**
     * A new instance class applied through a Blue/Green deployment, which deletes the old instance and its automated
     * backups: data lost in place.
     */
    BLUE_GREEN("blue-green", Map.of("blue_green_update", true, "instance_class", "db.t4g.small")),

    /**
     * Every protection lifted, as {@code protect(false)} does to retire an environment: the database's deletion
     * protection and final snapshot, the backup bucket's refusal to delete objects, the secret's recovery window.
     */
    PROTECTION_LIFTED("protection-lifted", Map.of(
            "deletion_protection", false,
            "skip_final_snapshot", true,
            "bucket_force_destroy", true,
            "secret_recovery_window_days", 0)),

    /**
     * What keeps the data readable and recoverable weakened in place: the key disabled and its deletion window shortened,
     * the backup plan's recovery points kept for less time and no longer copied to another region.
     */
    RECOVERY_WEAKENED("recovery-weakened", Map.of(
            "kms_key_enabled", false,
            "kms_deletion_window_days", 7,
            "backup_delete_after_days", 7,
            "recovery_copy", false)),

    /** The RDS Proxy moved to other subnets, which replaces it: a disruption, and nothing the guard stops. */
    PROXY_MOVED("proxy-moved", Map.of("proxy_subnet_ids", List.of("subnet-0a1b2c3d4e5f60003", "subnet-0a1b2c3d4e5f60004"))),

    /** An alarm threshold and a tag changed in place: nothing disruptive, nothing protected. */
    IN_PLACE("in-place", Map.of("cpu_alarm_threshold", 90, "owner_tag", "checkout"));

    /** The fixture's passwords, before and after {@link #MANY_CHANGES}: they are in the plans, never in a review. */
    static final List<String> PASSWORDS = List.of("fixture-password-one", "fixture-password-two");

    private final String baseName;
    private final Map<String, Object> variables;
    private String json;

    FixturePlan(String baseName, Map<String, Object> variables) {
        this.baseName = baseName;
        this.variables = variables;
    }

    /** E.g. {@code many-changes}: the file's name without {@code .json}, and the fixture copy's that is planned. */
    String baseName() {
        return baseName;
    }

    String fileName() {
        return baseName + ".json";
    }

    /** The fixture's variables this plan changes from their defaults. */
    Map<String, Object> variables() {
        return variables;
    }

    /** The checked-in plan JSON, read once. */
    synchronized String json() {
        if (json == null) {
            String resource = "/review/plans/" + fileName();
            try (InputStream in = FixturePlan.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no " + resource + " on the test classpath: run scripts/regenerate-review-plans");
                }
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return json;
    }

    /** The plan's changes, as the review reads them. */
    List<ResourceChange> changes() {
        return PlanReader.read(json());
    }
}
