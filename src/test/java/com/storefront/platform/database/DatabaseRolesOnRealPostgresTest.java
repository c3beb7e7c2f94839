package com.storefront.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storefront.platform.config.AllowedMajorVersions;
import com.storefront.platform.config.DatabaseRole;
import com.storefront.platform.testing.RealPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link DatabaseRoles} script on a real PostgreSQL of every major version the config allows, set up as RDS sets
 * up an instance: a bootstrap superuser standing in for {@code rdsadmin}, a {@code NOLOGIN} {@code rds_iam}, an
 * {@code rds_superuser} holding the roles the master grants with their admin option, and a master user that is
 * {@code CREATEROLE CREATEDB}, a member of {@code rds_superuser}, not a superuser, and owns the database RDS creates for
 * {@code DBName}. On PostgreSQL 14 it also owns that database's schema {@code public}, standing in for what AWS's guide
 * shows the master doing there ({@code REVOKE CREATE ON SCHEMA public FROM PUBLIC}); from 15 the database owner owns it.
 * The script runs as the master, twice.
 */
@Tag("postgres")
class DatabaseRolesOnRealPostgresTest {

    private static final String MASTER = "storefront_admin";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String INVALID_PASSWORD = "28P01";

    static Stream<String> everyMajorVersion() {
        return AllowedMajorVersions.all().stream();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("everyMajorVersion")
    void eachRoleCanDoWhatItsPrivilegeSaysAndNoMore(String major) throws SQLException {
        RealPostgres server = rdsLike(major);
        String database = newDatabase(server, "shop");
        DatabaseRoles roles = new DatabaseRoles(database, MASTER, List.of(DatabaseRole.readWrite("shop_app"), DatabaseRole.readOnly("shop_reports")));

        server.runScript(MASTER, database, roles.sql());
        server.runScript(MASTER, database, roles.sql());

        for (String role : List.of("shop_app", "shop_reports")) {
            assertEquals("true true", query(server, database, "SELECT rolcanlogin || ' ' || pg_has_role(rolname, 'rds_iam', 'member') FROM pg_roles WHERE rolname = '" + role + "'"), role);
        }
        assertSucceeds(server, "shop_app", database, "CREATE TABLE public.orders (id serial PRIMARY KEY, note text)");
        assertSucceeds(server, "shop_app", database, "INSERT INTO public.orders (note) VALUES ('first')");
        assertSucceeds(server, "shop_app", database, "UPDATE public.orders SET note = 'changed'");
        assertEquals("changed", query(server, "shop_app", database, "SELECT note FROM public.orders"));
        assertSucceeds(server, "shop_app", database, "DELETE FROM public.orders");
        assertSucceeds(server, "shop_app", database, "INSERT INTO public.orders (note) VALUES ('kept')");

        assertEquals("kept", query(server, "shop_reports", database, "SELECT note FROM public.orders"));
        assertRefused(server, "shop_reports", database, "INSERT INTO public.orders (note) VALUES ('no')");
        assertRefused(server, "shop_reports", database, "UPDATE public.orders SET note = 'no'");
        assertRefused(server, "shop_reports", database, "DELETE FROM public.orders");
        assertRefused(server, "shop_reports", database, "CREATE TABLE public.notes (id int)");
        assertRefused(server, "shop_reports", database, "SELECT nextval('public.orders_id_seq')");
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("everyMajorVersion")
    void givesTheProxiedRoleThePasswordWhoseVerifierTheClientComputedInPlaceOfRdsIam(String major) throws SQLException {
        RealPostgres server = rdsLike(major);
        String database = newDatabase(server, "proxied");
        List<DatabaseRole> declared = List.of(DatabaseRole.readWrite("proxied_app"), DatabaseRole.readOnly("proxied_reader"));
        server.runScript(MASTER, database, new DatabaseRoles(database, MASTER, declared).sql());
        DatabaseRoles throughProxy = new DatabaseRoles(database, MASTER, declared, "proxied_app");
        server.requirePassword("proxied_app");

        String first = ScramVerifier.of("first-Pa55word");
        server.runPsql(MASTER, database, throughProxy.psqlScript(), Map.of(DatabaseRoles.PROXY_PASSWORD_VERIFIER_VARIABLE, first));
        assertEquals(first, storedVerifier(server, "proxied_app"), "the verifier is stored as the client computed it");
        String second = ScramVerifier.of("second-Pa55word");
        server.runPsql(MASTER, database, throughProxy.psqlScript(), Map.of(DatabaseRoles.PROXY_PASSWORD_VERIFIER_VARIABLE, second));

        assertEquals(second, storedVerifier(server, "proxied_app"), "each run sets the verifier it is given");
        assertTrue(!second.equals(ScramVerifier.of("second-Pa55word")), "a new salt each time: " + second);
        assertEquals("false true", query(server, database, "SELECT pg_has_role('proxied_app', 'rds_iam', 'member') || ' '"
                + " || pg_has_role('proxied_reader', 'rds_iam', 'member')"), "rds_iam off the proxied role only");
        // What the proxy does: log in with the password itself, over SCRAM.
        assertEquals("proxied_app", query(server, "proxied_app", database, password("second-Pa55word"), "SELECT current_user"));
        SQLException oldPassword = assertThrows(SQLException.class,
                () -> query(server, "proxied_app", database, password("first-Pa55word"), "SELECT current_user"));
        assertEquals(INVALID_PASSWORD, oldPassword.getSQLState(), oldPassword.getMessage());
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("everyMajorVersion")
    void refusesThePasswordItselfOrNoVerifierAndKeepsNothing(String major) throws SQLException {
        RealPostgres server = rdsLike(major);
        String database = newDatabase(server, "unhashed");
        DatabaseRoles throughProxy = new DatabaseRoles(database, MASTER, List.of(DatabaseRole.readWrite("unhashed_app")), "unhashed_app");
        String verifier = ScramVerifier.of("kept-Pa55word");
        server.runPsql(MASTER, database, throughProxy.psqlScript(), Map.of(DatabaseRoles.PROXY_PASSWORD_VERIFIER_VARIABLE, verifier));

        SQLException cleartext = assertThrows(SQLException.class, () -> server.runPsql(MASTER, database, throughProxy.psqlScript(),
                Map.of(DatabaseRoles.PROXY_PASSWORD_VERIFIER_VARIABLE, "new-Pa55word")));
        SQLException missing = assertThrows(SQLException.class, () -> server.runPsql(MASTER, database, throughProxy.psqlScript(), Map.of()));

        assertTrue(cleartext.getMessage().contains("psql variable proxy_password_verifier must be the SCRAM-SHA-256 verifier of the proxy's password")
                && !cleartext.getMessage().contains("new-Pa55word"), cleartext.getMessage());
        assertTrue(missing.getMessage().contains("syntax error"), missing.getMessage());
        assertEquals(verifier, storedVerifier(server, "unhashed_app"), "nothing kept");
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("everyMajorVersion")
    void saysWhatToGrantWhenItMayNotChangeARoleTheMasterDidNotCreate(String major) throws SQLException {
        RealPostgres server = rdsLike(major);
        String database = newDatabase(server, "outsider");
        server.runScript(RealPostgres.SUPERUSER, "postgres", "DROP ROLE IF EXISTS outsider_app; CREATE ROLE outsider_app NOLOGIN");
        DatabaseRoles roles = new DatabaseRoles(database, MASTER, List.of(DatabaseRole.readWrite("outsider_app")));

        if (Integer.parseInt(major) >= 16) {
            SQLException refused = assertThrows(SQLException.class, () -> server.runScript(MASTER, database, roles.sql()));
            assertTrue(refused.getMessage().contains("role outsider_app exists, and storefront_admin may not change its login: PostgreSQL 16"
                    + " requires ADMIN OPTION on the role, which only its creator has; have it run GRANT outsider_app TO storefront_admin"
                    + " WITH ADMIN OPTION, then this script again"), refused.getMessage());
            assertEquals("false", query(server, database, "SELECT rolcanlogin::text FROM pg_roles WHERE rolname = 'outsider_app'"), "nothing kept");
            server.runScript(RealPostgres.SUPERUSER, "postgres", "GRANT outsider_app TO storefront_admin WITH ADMIN OPTION");
        }
        server.runScript(MASTER, database, roles.sql());

        assertEquals("true", query(server, database, "SELECT rolcanlogin::text FROM pg_roles WHERE rolname = 'outsider_app'"));
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("everyMajorVersion")
    void tablesTheMasterCreatesLaterAreReadableByBothAndWritableByTheReadWriteRole(String major) throws SQLException {
        RealPostgres server = rdsLike(major);
        String database = newDatabase(server, "later");
        DatabaseRoles roles = new DatabaseRoles(database, MASTER, List.of(DatabaseRole.readWrite("later_app"), DatabaseRole.readOnly("later_reports")));
        server.runScript(MASTER, database, roles.sql());

        server.runScript(MASTER, database, "CREATE TABLE public.catalogue (id bigserial PRIMARY KEY, name text);"
                + " INSERT INTO public.catalogue (name) VALUES ('tea');"
                + " CREATE SCHEMA reporting; CREATE TABLE reporting.daily (day date); INSERT INTO reporting.daily VALUES ('2026-01-01')");

        assertSucceeds(server, "later_app", database, "INSERT INTO public.catalogue (name) VALUES ('coffee')");
        assertEquals("2", query(server, "later_app", database, "SELECT count(*) FROM public.catalogue"));
        assertEquals("2", query(server, "later_reports", database, "SELECT count(*) FROM public.catalogue"));
        assertEquals("2026-01-01", query(server, "later_reports", database, "SELECT day FROM reporting.daily"));
        assertRefused(server, "later_reports", database, "INSERT INTO public.catalogue (name) VALUES ('no')");
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("everyMajorVersion")
    void keepsAnExistingRolesPasswordAndAttributesAndOnlyMakesItLogIn(String major) throws SQLException {
        RealPostgres server = rdsLike(major);
        String database = newDatabase(server, "existing");
        server.runScript(MASTER, database, "CREATE ROLE existing_app NOLOGIN CONNECTION LIMIT 7 PASSWORD 'kept-secret'");
        String password = query(server, "postgres", "SELECT rolpassword FROM pg_authid WHERE rolname = 'existing_app'");

        server.runScript(MASTER, database, new DatabaseRoles(database, MASTER, List.of(DatabaseRole.readWrite("existing_app"))).sql());

        assertEquals("true 7", query(server, database, "SELECT rolcanlogin || ' ' || rolconnlimit FROM pg_roles WHERE rolname = 'existing_app'"));
        assertEquals(password, query(server, "postgres", "SELECT rolpassword FROM pg_authid WHERE rolname = 'existing_app'"));
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("everyMajorVersion")
    void keepsARoleRemovedFromTheConfigurationAndTakesWritesFromOneMadeReadOnly(String major) throws SQLException {
        RealPostgres server = rdsLike(major);
        String database = newDatabase(server, "change");
        server.runScript(MASTER, database, new DatabaseRoles(database, MASTER,
                List.of(DatabaseRole.readWrite("change_app"), DatabaseRole.readWrite("change_old"))).sql());
        server.runScript(MASTER, database, "CREATE TABLE public.items (name text)");

        server.runScript(MASTER, database, new DatabaseRoles(database, MASTER, List.of(DatabaseRole.readOnly("change_app"))).sql());

        assertRefused(server, "change_app", database, "INSERT INTO public.items VALUES ('no')");
        assertRefused(server, "change_app", database, "CREATE TABLE public.more (id int)");
        assertEquals("0", query(server, "change_app", database, "SELECT count(*) FROM public.items"));
        assertSucceeds(server, "change_old", database, "INSERT INTO public.items VALUES ('still works')");
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("everyMajorVersion")
    void refusesToRunAsAnotherUserAndChangesNothing(String major) throws SQLException {
        RealPostgres server = rdsLike(major);
        String database = newDatabase(server, "guard");
        DatabaseRoles roles = new DatabaseRoles(database, MASTER, List.of(DatabaseRole.readWrite("guard_app")));

        SQLException refused = assertThrows(SQLException.class, () -> server.runScript(RealPostgres.SUPERUSER, database, roles.sql()));

        assertTrue(refused.getMessage().contains("run this script as storefront_admin, connected to database " + database + "; not as postgres"),
                refused.getMessage());
        assertEquals("0", query(server, database, "SELECT count(*) FROM pg_roles WHERE rolname = 'guard_app'"));
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("everyMajorVersion")
    void stopsAndKeepsNothingWhenTheMasterCannotGrantOnSchemaPublic(String major) throws SQLException {
        RealPostgres server = rdsLike(major);
        String database = newDatabase(server, "closed", false);
        DatabaseRoles roles = new DatabaseRoles(database, MASTER, List.of(DatabaseRole.readWrite("closed_app")));

        SQLException refused = assertThrows(SQLException.class, () -> server.runScript(MASTER, database, roles.sql()));

        // PostgreSQL only warns when a grant or revoke does not take: the script's own checks stop it. On 14 every role
        // may create in public unless its owner revokes that; from 15 no role may, and the master cannot grant it.
        String expected = major.equals("14")
                ? "every role may still create objects in schema public, whose owner (postgres) alone can revoke that"
                : "role closed_app did not get the privileges of READ_WRITE";
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
        assertEquals("0", query(server, database, "SELECT count(*) FROM pg_roles WHERE rolname = 'closed_app'"));
    }

    /** The server of {@code major}, with RDS's roles stood in for once. */
    private static synchronized RealPostgres rdsLike(String major) throws SQLException {
        RealPostgres server = RealPostgres.major(major);
        server.runScript(RealPostgres.SUPERUSER, "postgres", """
                DO $$
                BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rds_iam') THEN
                    CREATE ROLE rds_iam NOLOGIN;
                    CREATE ROLE rds_superuser NOLOGIN;
                    GRANT pg_read_all_data, pg_write_all_data, rds_iam TO rds_superuser WITH ADMIN OPTION;
                    CREATE ROLE storefront_admin LOGIN CREATEROLE CREATEDB IN ROLE rds_superuser;
                  END IF;
                END
                $$""");
        return server;
    }

    private static String newDatabase(RealPostgres server, String name) throws SQLException {
        return newDatabase(server, name, true);
    }

    /**
     * A database the master owns, as RDS creates DBName, and its schema public: on 14 by {@code ALTER SCHEMA}, from 15
     * as the database's owner ({@code pg_database_owner}). With {@code masterOwnsPublic} false, the superuser owns public.
     */
    private static String newDatabase(RealPostgres server, String name, boolean masterOwnsPublic) throws SQLException {
        server.runScript(RealPostgres.SUPERUSER, "postgres", "DROP DATABASE IF EXISTS " + name);
        server.runScript(RealPostgres.SUPERUSER, "postgres", "CREATE DATABASE " + name + " OWNER " + MASTER);
        if (!masterOwnsPublic) {
            server.runScript(RealPostgres.SUPERUSER, name, "ALTER SCHEMA public OWNER TO " + RealPostgres.SUPERUSER);
        } else if (server.majorVersion().equals("14")) {
            server.runScript(RealPostgres.SUPERUSER, name, "ALTER SCHEMA public OWNER TO " + MASTER);
        }
        return name;
    }

    private static void assertSucceeds(RealPostgres server, String role, String database, String sql) throws SQLException {
        server.runScript(role, database, sql);
    }

    private static void assertRefused(RealPostgres server, String role, String database, String sql) {
        SQLException refused = assertThrows(SQLException.class, () -> server.runScript(role, database, sql), role + " may: " + sql);
        assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(), role + ": " + sql + ": " + refused.getMessage());
    }

    private static String query(RealPostgres server, String database, String sql) throws SQLException {
        return query(server, RealPostgres.SUPERUSER, database, sql);
    }

    private static String query(RealPostgres server, String role, String database, String sql) throws SQLException {
        return query(server, role, database, new Properties(), sql);
    }

    private static String query(RealPostgres server, String role, String database, Properties login, String sql) throws SQLException {
        try (Connection connection = server.connect(role, database, login); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return String.join(",", values);
        }
    }

    private static Properties password(String password) {
        Properties login = new Properties();
        login.setProperty("password", password);
        return login;
    }

    private static String storedVerifier(RealPostgres server, String role) throws SQLException {
        return query(server, "postgres", "SELECT rolpassword FROM pg_authid WHERE rolname = '" + role + "'");
    }
}
