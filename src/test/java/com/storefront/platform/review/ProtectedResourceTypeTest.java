package com.storefront.platform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProtectedResourceTypeTest {

    @ParameterizedTest
    @CsvSource({
        "aws_db_instance, DATABASE_INSTANCE",
        "aws_kms_key, KMS_KEY",
        "aws_secretsmanager_secret, SECRET",
        "aws_s3_bucket, S3_BUCKET",
        "aws_s3_bucket_versioning, S3_BUCKET_CONFIGURATION",
        "aws_s3_bucket_lifecycle_configuration, S3_BUCKET_CONFIGURATION",
        "aws_s3_bucket_server_side_encryption_configuration, S3_BUCKET_CONFIGURATION",
        "aws_s3_bucket_public_access_block, S3_BUCKET_CONFIGURATION",
        "aws_s3_bucket_policy, S3_BUCKET_CONFIGURATION",
        "aws_cloudwatch_log_group, LOG_GROUP",
        "aws_backup_vault, BACKUP_VAULT"
    })
    void protectsTypesWhoseLossLosesData(String type, ProtectedResourceType expected) {
        Optional<ProtectedResourceType> protection = ProtectedResourceType.of(type);

        assertEquals(Optional.of(expected), protection);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws_secretsmanager_secret_version", "aws_kms_alias", "aws_db_parameter_group",
        "aws_cloudwatch_metric_alarm", "aws_db_instance_role_association", "aws_backup_plan", "aws_backup_selection",
        "aws_backup_vault_notifications"})
    void leavesTypesThatAreRecreatedWithoutLossUnprotected(String type) {
        Optional<ProtectedResourceType> protection = ProtectedResourceType.of(type);

        assertEquals(Optional.empty(), protection);
    }
}
