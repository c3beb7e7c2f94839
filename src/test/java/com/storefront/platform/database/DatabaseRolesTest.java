package com.storefront.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storefront.platform.config.DatabaseRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The script's shape and the verifier command, which need no server; {@code DatabaseRolesOnRealPostgresTest} runs the script. */
class DatabaseRolesTest {

    @Test
    void isOneTransaction() {
        String sql = new DatabaseRoles("storefront", "storefront_admin", List.of(DatabaseRole.readWrite("storefront_app"))).sql();

        assertTrue(sql.lines().filter(line -> !line.startsWith("--")).findFirst().orElseThrow().equals("BEGIN;"), sql);
        assertTrue(sql.strip().endsWith("COMMIT;"), sql);
    }

    @Test
    void neverDropsAndNeverSetsAPassword() {
        String sql = new DatabaseRoles("storefront", "storefront_admin",
                List.of(DatabaseRole.readWrite("storefront_app"), DatabaseRole.readOnly("storefront_reports"))).sql().toUpperCase();

        assertTrue(!sql.contains("DROP") && !sql.contains("PASSWORD"), sql);
    }

    @Test
    void quotesRoleAndDatabaseNamesAsIdentifiers() {
        String sql = new DatabaseRoles("storefront", "storefront_admin", List.of(DatabaseRole.readOnly("storefront_reports"))).sql();

        assertTrue(sql.contains("GRANT CONNECT ON DATABASE \"storefront\" TO \"storefront_reports\";"), sql);
        assertEquals("\"a\"\"b\"", DatabaseRoles.identifier("a\"b"));
        assertEquals("'a''b'", DatabaseRoles.literal("a'b"));
    }

    @Test
    void psqlScriptStopsAtTheFirstError() {
        String script = new DatabaseRoles("storefront", "storefront_admin", List.of(DatabaseRole.readWrite("storefront_app"))).psqlScript();

        assertTrue(script.startsWith("\\set ON_ERROR_STOP on\n"), script);
    }

    @Test
    void logsTheProxiedRoleInWithTheVerifierOfTheProxysPasswordInsteadOfIam() {
        String sql = new DatabaseRoles("storefront", "storefront_admin",
                List.of(DatabaseRole.readWrite("storefront_app"), DatabaseRole.readOnly("storefront_reader")), "storefront_app").sql();

        assertTrue(sql.contains("REVOKE rds_iam FROM \"storefront_app\";\n"
                + "SET LOCAL storefront.proxy_password_verifier = :'proxy_password_verifier';\n"), sql);
        assertTrue(sql.contains("EXECUTE format('ALTER ROLE %I PASSWORD %L', 'storefront_app', current_setting('storefront.proxy_password_verifier'));"), sql);
        assertFalse(sql.contains("PASSWORD :'"), "no password reaches the server as statement text: " + sql);
        assertFalse(sql.contains("GRANT rds_iam TO \"storefront_app\""), sql);
        assertTrue(sql.contains("GRANT rds_iam TO \"storefront_reader\""), sql);
    }

    @Test
    void theVerifierCommandRefusesAnEmptyPasswordAndOneThatIsNotAscii() {
        for (String refused : List.of("", "pässword")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ScramVerifier.of(refused), refused);
            assertTrue(e.getMessage().contains("no password on standard input, or one that is not ASCII"), e.getMessage());
        }
    }

    @Test
    void refusesAProxiedRoleItDoesNotDeclare() {
        assertThrows(IllegalArgumentException.class,
                () -> new DatabaseRoles("storefront", "storefront_admin", List.of(DatabaseRole.readWrite("storefront_app")), "storefront_jobs"));
    }
}
