package com.storefront.platform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The guard on real plans of the fixture ({@link FixturePlan}). */
class GuardTest {

    private static final String STACK = "database-fixture";

    private static List<ResourceChange> manyChanges() {
        return FixturePlan.MANY_CHANGES.changes();
    }

    private static Finding find(List<Finding> findings, String address) {
        return findings.stream().filter(f -> f.change().address().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding for " + address + " in " + findings));
    }

    @Test
    void blocksTheReplacementOfADatabaseNamingAddressActionAndCause() {
        List<ResourceChange> changes = manyChanges();

        Finding database = find(new Guard(List.of()).inspect(STACK, changes), "aws_db_instance.primary");

        assertEquals(false, database.acknowledged());
        assertEquals(ProtectedResourceType.DATABASE_INSTANCE.type(), database.protection());
        assertTrue(database.message().startsWith("database-fixture: aws_db_instance.primary — replace (delete, then create),"
                + " forced by snapshot_identifier. Protected: a database instance"), database.message());
    }

    @Test
    void blocksAReplacementThatCreatesTheNewSecretBeforeDeletingTheOld() {
        List<ResourceChange> changes = manyChanges();

        Finding secret = find(new Guard(List.of()).inspect(STACK, changes), "aws_secretsmanager_secret.credentials");

        assertEquals(false, secret.acknowledged());
        assertTrue(secret.message().contains("replace (create, then delete), forced by name"), secret.message());
    }

    @Test
    void blocksTheDeletionOfALogGroup() {
        List<ResourceChange> changes = manyChanges();

        Finding logGroup = find(new Guard(List.of()).inspect(STACK, changes), "aws_cloudwatch_log_group.audit[0]");

        assertEquals(false, logGroup.acknowledged());
        assertTrue(logGroup.message().contains("aws_cloudwatch_log_group.audit[0] — delete, because its count index is out of range"),
                logGroup.message());
    }

    @Test
    void findsNothingInAnInPlaceUpdate() {
        List<ResourceChange> changes = manyChanges();

        List<Finding> findings = new Guard(List.of()).inspect(STACK, changes);

        assertTrue(findings.stream().noneMatch(f -> f.change().address().equals("aws_cloudwatch_metric_alarm.cpu")),
                findings::toString);
        assertEquals(3, findings.size(), findings::toString);
    }

    @Test
    void blocksEveryInPlaceUpdateThatDeletesDataNamingWhatIsLost() {
        List<Finding> findings = new Guard(List.of()).inspect(STACK, FixturePlan.DATA_LOSS.changes());

        assertEquals(Set.of("aws_db_instance.primary", "aws_cloudwatch_log_group.postgresql", "aws_s3_bucket_versioning.backups",
                "aws_s3_bucket_lifecycle_configuration.backups"), findings.stream().map(f -> f.change().address()).collect(Collectors.toSet()));
        assertTrue(findings.stream().allMatch(f -> f.blocks() && f.protection().equals(Finding.IN_PLACE_DATA_LOSS)), findings::toString);
        assertEquals("database-fixture: aws_db_instance.primary — update in place. Loses data: backup_retention_period shortened: RDS"
                + " deletes at once the automated backups older than the new period (every one of them at 0), and point-in-time"
                + " recovery reaches back no further; performance_insights_retention_period shortened: Performance Insights deletes"
                + " the collected history older than the new period.", find(findings, "aws_db_instance.primary").message());
        assertTrue(find(findings, "aws_s3_bucket_lifecycle_configuration.backups").why().contains("objects expire sooner"),
                findings::toString);
    }

    @Test
    void blocksAResizeThroughABlueGreenDeploymentWhichDeletesTheOldInstanceAndItsBackups() {
        List<Finding> findings = new Guard(List.of()).inspect(STACK, FixturePlan.BLUE_GREEN.changes());

        assertEquals(List.of("aws_db_instance.primary"), findings.stream().map(f -> f.change().address()).toList(), findings::toString);
        assertTrue(findings.get(0).blocks(), findings::toString);
        assertTrue(findings.get(0).why().startsWith("Loses data: updated through a Blue/Green deployment: after the switchover the AWS"
                + " provider deletes the old instance with no final snapshot"), findings::toString);
        // Without the deployment the same resize is a disruption only.
        assertEquals(List.of(), new Guard(List.of()).inspect(STACK, FixturePlan.INSTANCE_CLASS.changes()));
    }

    @Test
    void blocksEveryLiftedProtectionOfTheDatabaseTheBucketAndTheSecret() {
        List<Finding> findings = new Guard(List.of()).inspect(STACK, FixturePlan.PROTECTION_LIFTED.changes());

        assertEquals(Set.of("aws_db_instance.primary", "aws_s3_bucket.backups", "aws_secretsmanager_secret.credentials"),
                findings.stream().map(f -> f.change().address()).collect(Collectors.toSet()), findings::toString);
        assertTrue(findings.stream().allMatch(Finding::blocks), findings::toString);
        assertTrue(find(findings, "aws_db_instance.primary").why().contains("protection lifted"), findings::toString);
        assertTrue(find(findings, "aws_s3_bucket.backups").why().contains("force_destroy turned on"), findings::toString);
        assertTrue(find(findings, "aws_secretsmanager_secret.credentials").why().contains("recovery_window_in_days shortened"), findings::toString);
    }

    @Test
    void letsAnAcknowledgedInPlaceDataLossThrough() {
        Guard guard = new Guard(List.of(Acknowledgement.parse(STACK + ":aws_cloudwatch_log_group.postgresql")));

        List<Finding> findings = guard.inspect(STACK, FixturePlan.DATA_LOSS.changes());

        assertEquals(List.of("aws_cloudwatch_log_group.postgresql"), findings.stream().filter(f -> !f.blocks()).map(f -> f.change().address()).toList());
    }

    @Test
    void letsAnAcknowledgedReplacementThroughAndMarksIt() {
        List<ResourceChange> changes = manyChanges();
        Guard guard = new Guard(List.of(Acknowledgement.parse(STACK + ":aws_db_instance.primary")));

        List<Finding> findings = guard.inspect(STACK, changes);

        assertEquals(true, find(findings, "aws_db_instance.primary").acknowledged());
        assertEquals(false, find(findings, "aws_secretsmanager_secret.credentials").acknowledged());
        assertEquals(List.of(), guard.unused(findings));
    }

    @Test
    void doesNotLetAnAcknowledgementForAnotherStackThrough() {
        List<ResourceChange> changes = manyChanges();
        Guard guard = new Guard(List.of(Acknowledgement.parse("database-prod:aws_db_instance.primary")));

        List<Finding> findings = guard.inspect(STACK, changes);

        assertEquals(false, find(findings, "aws_db_instance.primary").acknowledged());
        assertEquals(List.of(Acknowledgement.parse("database-prod:aws_db_instance.primary")), guard.unused(findings));
    }

    @Test
    void reportsAnAcknowledgementThatMatchesNoProtectedChange() {
        List<ResourceChange> changes = manyChanges();
        Acknowledgement typo = Acknowledgement.parse("aws_db_instance.primry");
        Acknowledgement inPlace = Acknowledgement.parse("aws_cloudwatch_metric_alarm.cpu");
        Guard guard = new Guard(List.of(typo, inPlace));

        List<Finding> findings = guard.inspect(STACK, changes);

        assertEquals(List.of(typo, inPlace), guard.unused(findings));
    }

    @Test
    void blocksAKeyReplacementAndTheDatabaseReplacementItForces() {
        List<ResourceChange> changes = FixturePlan.KMS_KEY.changes();

        List<Finding> findings = new Guard(List.of()).inspect(STACK, changes);

        assertEquals(Set.of("aws_kms_key.database", "aws_db_instance.primary"),
                findings.stream().map(f -> f.change().address()).collect(Collectors.toSet()), findings::toString);
        assertEquals("forced by multi_region", find(findings, "aws_kms_key.database").change().cause());
        assertEquals("forced by kms_key_id", find(findings, "aws_db_instance.primary").change().cause());
    }

    @Test
    void reviewsAPlannedStackUnderItsOwnName() {
        PlannedStack planned = new PlannedStack("database-staging", FixturePlan.SNAPSHOT.json());

        StackReview review = new Guard(List.of()).review(planned);

        assertEquals("database-staging", review.stack(), review::toString);
        assertEquals(List.of("database-staging: aws_db_instance.primary"),
                review.findings().stream().map(f -> f.stack() + ": " + f.change().address()).toList(), review::toString);
    }

    @Test
    void keepsBlockingWhatTerraformRefusedForPreventDestroyEvenWhenAcknowledged() {
        PlannedStack refused = new PlannedStack(STACK, FixturePlan.SNAPSHOT.json(), Set.of("aws_db_instance.primary"));
        Guard guard = new Guard(List.of(Acknowledgement.parse("aws_db_instance.primary")));

        Finding database = find(guard.review(refused).findings(), "aws_db_instance.primary");

        assertEquals("acknowledged, prevent_destroy, blocks", (database.acknowledged() ? "acknowledged" : "not acknowledged")
                + (database.preventDestroy() ? ", prevent_destroy" : "") + (database.blocks() ? ", blocks" : ", lets through"),
                database::toString);
    }

    @Test
    void blocksTheDeletionOfTheDisasterRecoveryVaultButNotOfThePlanOrSelection() {
        List<ResourceChange> changes = List.of(
                deleted("aws_backup_vault.recovery", "aws_backup_vault"),
                deleted("aws_backup_plan.recovery", "aws_backup_plan"),
                deleted("aws_backup_selection.primary", "aws_backup_selection"));

        List<Finding> findings = new Guard(List.of()).inspect(STACK, changes);

        assertEquals(List.of("aws_backup_vault.recovery"), findings.stream().map(f -> f.change().address()).toList());
        assertEquals(ProtectedResourceType.BACKUP_VAULT.type(), findings.get(0).protection());
        assertTrue(findings.get(0).message().contains("Protected: an AWS Backup vault"), findings.get(0).message());
    }

    private static ResourceChange deleted(String address, String type) {
        return new ResourceChange(address, type, Action.DELETE, List.of(), "delete_because_no_resource_config", List.of(), List.of(),
                TagChanges.NONE, List.of(), List.of());
    }
}
