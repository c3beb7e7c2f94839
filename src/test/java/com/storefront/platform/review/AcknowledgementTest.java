package com.storefront.platform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AcknowledgementTest {

    @Test
    void limitsAStackQualifiedAddressToThatStack() {
        String text = "database-staging:aws_db_instance.postgres_primary_1A2B3C4D";

        Acknowledgement acknowledgement = Acknowledgement.parse(text);

        assertEquals(new Acknowledgement("database-staging", "aws_db_instance.postgres_primary_1A2B3C4D"), acknowledgement);
        assertTrue(acknowledgement.covers("database-staging", "aws_db_instance.postgres_primary_1A2B3C4D"));
        assertFalse(acknowledgement.covers("database-prod", "aws_db_instance.postgres_primary_1A2B3C4D"));
    }

    @Test
    void letsABareAddressCoverEveryStack() {
        String text = " aws_kms_key.postgres_key_5E6F7A8B ";

        Acknowledgement acknowledgement = Acknowledgement.parse(text);

        assertTrue(acknowledgement.covers("database-dev", "aws_kms_key.postgres_key_5E6F7A8B"));
        assertTrue(acknowledgement.covers("database-prod", "aws_kms_key.postgres_key_5E6F7A8B"));
        assertEquals("aws_kms_key.postgres_key_5E6F7A8B", acknowledgement.toString());
    }

    @Test
    void keepsAColonInsideAForEachKeyAsPartOfTheAddress() {
        String text = "aws_cloudwatch_log_group.exports[\"a:b\"]";

        Acknowledgement acknowledgement = Acknowledgement.parse(text);

        assertEquals(new Acknowledgement("", "aws_cloudwatch_log_group.exports[\"a:b\"]"), acknowledgement);
    }

    @Test
    void rejectsAStackWithoutAnAddress() {
        String text = "database-prod:";

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Acknowledgement.parse(text));

        assertTrue(error.getMessage().startsWith("an acknowledgement needs a resource address"), error.getMessage());
    }
}
