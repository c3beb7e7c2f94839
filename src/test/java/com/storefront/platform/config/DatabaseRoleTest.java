package com.storefront.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseRoleTest {

    @ParameterizedTest
    @ValueSource(strings = {"storefront_app", "reporting", "a", "left", "app2"})
    void acceptsLowercaseRoleNamesPostgresCreatesUnquoted(String name) {
        assertEquals(name, DatabaseRole.readWrite(name).name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Storefront_app", "2app", "_app", "store-front", "app name", ""})
    void rejectsNamesThatAreNotLowercaseIdentifiers(String name) {
        assertRejected(name, "database.access.roles must be lowercase database role names", "like storefront_app, got '" + name + "'");
    }

    @Test
    void rejectsANameLongerThanPostgresKeeps() {
        String name = "a".repeat(64);

        assertRejected(name, "database.access.roles must be lowercase database role names of at most 63", "got '" + name + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "select", "current_user"})
    void rejectsReservedKeyWords(String name) {
        assertRejected(name, "database.access.roles must not be a PostgreSQL reserved key word", "pick a name like storefront_app, got '" + name + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"public", "none"})
    void rejectsNamesPostgresReservesForRoles(String name) {
        assertRejected(name, "database.access.roles must not be one of [none, public]", "got '" + name + "'");
    }

    @Test
    void rejectsThePgPrefix() {
        assertRejected("pg_app", "database.access.roles must not start with pg_", "got 'pg_app'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rds_iam", "rds_superuser", "rdsadmin", "rdstopmgr"})
    void rejectsTheRolesEveryRdsInstanceHas(String name) {
        assertRejected(name, "database.access.roles must not be one of the roles every RDS instance already has", "got '" + name + "'");
    }

    @Test
    void rejectsAMissingPrivilege() {
        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> new DatabaseRole("storefront_app", null));

        assertEquals("database.access.roles.storefront_app.privilege must be READ_WRITE or READ_ONLY, got null", error.getMessage());
    }

    private static void assertRejected(String name, String start, String end) {
        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> DatabaseRole.readOnly(name));

        assertTrue(error.getMessage().startsWith(start) && error.getMessage().endsWith(end), error.getMessage());
    }
}
