package com.storefront.platform.database;

import com.storefront.platform.config.DatabaseConfig;
import com.storefront.platform.config.DatabaseRole;
import java.util.List;

/**
 * The SQL that creates the database roles applications log in as with IAM tokens, and grants each what its
 * {@link DatabaseRole.Privilege} says, for RDS for PostgreSQL 14 and later.
 *
 * <p>Run {@link #sql()} as the master user, connected to the database, e.g.
 * {@code psql "host=<writer_endpoint> dbname=storefront user=storefront_admin sslmode=verify-full" -v ON_ERROR_STOP=1 -f roles.sql}
 * ({@link #psqlScript()} sets {@code ON_ERROR_STOP} itself). It is one transaction: the first error ends it and nothing
 * is kept. It is safe to run again and on a database in use: it never drops anything, sets no password but the
 * proxied role's (IAM authentication needs none), and makes an existing role able to log in without touching its other
 * attributes.
 * It stops with an error, changing nothing, when run as another user or in another database, or when a grant did not
 * take (PostgreSQL only warns when a grantor lacks the right).
 *
 * <ul>
 *   <li>Every role: {@code LOGIN}, {@code rds_iam} (RDS then accepts only IAM tokens for it), {@code CONNECT} on the
 *       database.
 *   <li>The proxied role, where there is an RDS Proxy: not {@code rds_iam} (revoked if it had it: PostgreSQL would
 *       refuse the proxy's password) but the proxy's password, as its SCRAM-SHA-256 verifier in psql's variable
 *       {@code proxy_password_verifier}, which whoever runs the script computes from the proxy's secret with
 *       {@link #SCRAM_VERIFIER_COMMAND} ({@code psql -v proxy_password_verifier="$(... | <that command>)"}), as psql's
 *       {@code \password} does. The password itself never reaches the server, so neither its logs (a slow or failed
 *       statement is logged with its text) nor {@code pg_stat_statements} can hold it. Without the variable psql
 *       refuses the statement, and a value that is not a verifier is refused; either way nothing is kept.
 *   <li>{@code READ_WRITE}: PostgreSQL 14's predefined {@code pg_read_all_data} and {@code pg_write_all_data} (select,
 *       insert, update and delete on every table, view and sequence of every schema, including those created later, by
 *       anyone), and {@code USAGE, CREATE} on schema {@code public} so that the application can run its migrations.
 *   <li>{@code READ_ONLY}: {@code pg_read_all_data} only; a role that was {@code READ_WRITE} loses
 *       {@code pg_write_all_data} and {@code CREATE} on {@code public}.
 * </ul>
 *
 * <p>The predefined roles reach every database of the instance, not only this one: this project's instances hold one
 * application database (besides RDS's {@code postgres}, which holds nothing of ours). Row-level security still applies
 * (they do not bypass it). Objects a role creates stay its own: only it (and the master) can alter or drop them.
 *
 * <p>{@code CREATE} on schema {@code public} is revoked from {@code PUBLIC} first: PostgreSQL 15's default, and on 14
 * what keeps a read-only role from creating tables there (AWS recommends it for every version).
 *
 * <p>A role removed from the configuration is <em>not</em> dropped, nor are its grants revoked: dropping the role of an
 * application that still runs would break it, and {@code DROP ROLE} fails while the role owns objects. Retire one by
 * hand once nothing uses it: {@code REASSIGN OWNED BY r TO storefront_admin; DROP OWNED BY r; DROP ROLE r;} in each
 * database.
 *
 * @param databaseName the database the roles connect to, RDS's {@code DBName}
 * @param masterUsername the master user, who must run the script
 * @param roles the roles, as {@code AccessConfig} validates them: distinct names, none of them the master user
 * @param proxiedRole the role the RDS Proxy logs in as with a password, one of {@code roles}; null without a proxy
 */
public record DatabaseRoles(String databaseName, String masterUsername, List<DatabaseRole> roles, String proxiedRole) {

    /** The psql variable holding the SCRAM-SHA-256 verifier of the proxy's password. */
    public static final String PROXY_PASSWORD_VERIFIER_VARIABLE = "proxy_password_verifier";

    /**
     * A shell command that prints the SCRAM-SHA-256 verifier of the password on its standard input (a trailing newline
     * is not part of it), with a random salt and PostgreSQL's 4096 iterations, the way psql's {@code \password} and
     * libpq compute it. It needs Python 3 (Amazon Linux has it) and refuses an empty password, and one that is not ASCII,
     * which SCRAM would first normalize (SASLprep): the generated passwords are ASCII. Nothing in it opens a Terraform
     * interpolation or directive, so it can stand in a Terraform string as it is.
     */
    public static final String SCRAM_VERIFIER_COMMAND = "python3 -c 'import base64, hashlib, hmac, os, sys;"
            + " password = sys.stdin.read().rstrip(\"\\n\");"
            + " sys.exit(\"no password on standard input, or one that is not ASCII\") if not password or not password.isascii() else None;"
            + " salt = os.urandom(16); iterations = 4096;"
            + " salted = hashlib.pbkdf2_hmac(\"sha256\", password.encode(), salt, iterations);"
            + " key = lambda name: hmac.new(salted, name, \"sha256\").digest();"
            + " text = lambda raw: base64.b64encode(raw).decode();"
            + " print(\"SCRAM-SHA-256$%d:%s$%s:%s\" % (iterations, text(salt), text(hashlib.sha256(key(b\"Client Key\")).digest()), text(key(b\"Server Key\"))))'";

    /** The form of a SCRAM-SHA-256 verifier: {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}, base64. */
    static final String VERIFIER_PATTERN = "^SCRAM-SHA-256\\$[0-9]+:[A-Za-z0-9+/]+={0,2}\\$[A-Za-z0-9+/]+={0,2}:[A-Za-z0-9+/]+={0,2}$";

    /** The placeholder setting that hands the verifier from psql to the check, for this transaction only. */
    private static final String VERIFIER_SETTING = "storefront.proxy_password_verifier";

    public DatabaseRoles {
        roles = List.copyOf(roles);
        if (proxiedRole != null && roles.stream().noneMatch(role -> role.name().equals(proxiedRole))) {
            throw new IllegalArgumentException("the proxied role " + proxiedRole + " is not one of " + roles);
        }
    }

    /** The roles {@code config} declares, the application's served by the RDS Proxy where it has one. */
    public static DatabaseRoles of(DatabaseConfig config) {
        return new DatabaseRoles(config.credentials().databaseName(), config.credentials().masterUsername(), config.access().roles(),
                config.proxy().enabled() ? config.access().applicationRole().name() : null);
    }

    /** Roles that all log in with IAM tokens: no proxy. */
    public DatabaseRoles(String databaseName, String masterUsername, List<DatabaseRole> roles) {
        this(databaseName, masterUsername, roles, null);
    }

    /** The script, for {@code psql -v ON_ERROR_STOP=1} or any client that sends it as it is. */
    public String sql() {
        StringBuilder sql = new StringBuilder();
        sql.append("-- Database roles of ").append(databaseName).append(", generated by DatabaseRoles: one transaction, safe to run again.\n")
                .append("BEGIN;\n\n")
                .append(doBlock("""
                        IF current_user <> %1$s OR current_database() <> %2$s THEN
                          RAISE EXCEPTION 'run this script as %%, connected to database %%; not as %% in %%', %1$s, %2$s, current_user, current_database();
                        END IF;
                        IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'rds_iam') THEN
                          RAISE EXCEPTION 'role rds_iam does not exist: this script is for RDS for PostgreSQL';
                        END IF;""".formatted(literal(masterUsername), literal(databaseName))))
                .append("\n-- Only roles granted it may create objects in schema public (PostgreSQL 15's default).\n")
                .append("REVOKE CREATE ON SCHEMA public FROM PUBLIC;\n")
                .append(doBlock("""
                        IF EXISTS (SELECT FROM pg_catalog.pg_namespace, aclexplode(nspacl) AS acl
                                   WHERE nspname = 'public' AND acl.grantee = 0 AND acl.privilege_type = 'CREATE') THEN
                          RAISE EXCEPTION 'every role may still create objects in schema public, whose owner (%) alone can revoke that: run REVOKE CREATE ON SCHEMA public FROM PUBLIC as it, then this script again',
                            (SELECT nspowner::regrole FROM pg_catalog.pg_namespace WHERE nspname = 'public');
                        END IF;"""));
        for (DatabaseRole role : roles) {
            sql.append('\n').append(roleSql(role));
        }
        sql.append("\nCOMMIT;\n");
        return sql.toString();
    }

    /** {@link #sql()} for {@code psql -f}, stopping at the first error without {@code -v ON_ERROR_STOP=1}. */
    public String psqlScript() {
        return "\\set ON_ERROR_STOP on\n" + sql();
    }

    private String roleSql(DatabaseRole role) {
        String name = identifier(role.name());
        StringBuilder sql = new StringBuilder("-- ").append(role.name()).append(": ").append(role.privilege())
                .append(role.name().equals(proxiedRole) ? ", through the RDS Proxy with its password" : "").append('\n');
        boolean iam = !role.name().equals(proxiedRole);
        // From PostgreSQL 16, changing another role's login or password takes ADMIN OPTION on it, which the master has on
        // the roles it created: say so rather than let ALTER ROLE fail with "permission denied".
        sql.append(doBlock("""
                IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = %1$s) THEN
                  CREATE ROLE %2$s LOGIN;
                ELSIF current_setting('server_version_num')::int >= 160000
                    AND (%3$s OR NOT (SELECT rolcanlogin FROM pg_catalog.pg_roles WHERE rolname = %1$s))
                    AND NOT pg_has_role(current_user, %1$s, 'MEMBER WITH ADMIN OPTION') THEN
                  RAISE EXCEPTION 'role %% exists, and %% may not change its %%: PostgreSQL 16 requires ADMIN OPTION on the role, which only its creator has; have it run GRANT %% TO %% WITH ADMIN OPTION, then this script again',
                    %1$s, current_user, %4$s, %1$s, current_user;
                ELSIF NOT (SELECT rolcanlogin FROM pg_catalog.pg_roles WHERE rolname = %1$s) THEN
                  ALTER ROLE %2$s LOGIN;
                END IF;""".formatted(literal(role.name()), name, !iam, literal(iam ? "login" : "login or password"))));
        if (iam) {
            sql.append("GRANT rds_iam TO ").append(name).append(";\n");
        } else {
            sql.append("REVOKE rds_iam FROM ").append(name).append(";\n")
                    .append("SET LOCAL ").append(VERIFIER_SETTING).append(" = :'").append(PROXY_PASSWORD_VERIFIER_VARIABLE).append("';\n")
                    .append(doBlock("""
                            IF current_setting(%1$s) !~ %2$s THEN
                              RAISE EXCEPTION 'psql variable %3$s must be the SCRAM-SHA-256 verifier of the proxy''s password (SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>), never the password itself: compute it from the password with the command in DatabaseRoles.SCRAM_VERIFIER_COMMAND';
                            END IF;
                            EXECUTE format('ALTER ROLE %%I PASSWORD %%L', %4$s, current_setting(%1$s));""".formatted(
                            literal(VERIFIER_SETTING), literal(VERIFIER_PATTERN), PROXY_PASSWORD_VERIFIER_VARIABLE, literal(role.name()))));
        }
        sql.append("GRANT CONNECT ON DATABASE ").append(identifier(databaseName)).append(" TO ").append(name).append(";\n");
        switch (role.privilege()) {
            case READ_WRITE -> sql
                    .append("GRANT pg_read_all_data, pg_write_all_data TO ").append(name).append(";\n")
                    .append("GRANT USAGE, CREATE ON SCHEMA public TO ").append(name).append(";\n");
            case READ_ONLY -> sql
                    .append("GRANT pg_read_all_data TO ").append(name).append(";\n")
                    .append("REVOKE pg_write_all_data FROM ").append(name).append(";\n")
                    .append("REVOKE CREATE ON SCHEMA public FROM ").append(name).append(";\n");
        }
        boolean writes = role.privilege() == DatabaseRole.Privilege.READ_WRITE;
        // GRANT and REVOKE only warn when the grantor lacks the right: check that each one took.
        sql.append(doBlock("""
                IF pg_has_role(%1$s, 'rds_iam', 'MEMBER') <> %5$s OR NOT pg_has_role(%1$s, 'pg_read_all_data', 'USAGE')
                    OR pg_has_role(%1$s, 'pg_write_all_data', 'USAGE') <> %2$s OR has_schema_privilege(%1$s, 'public', 'CREATE') <> %2$s
                    OR NOT has_database_privilege(%1$s, %3$s, 'CONNECT') THEN
                  RAISE EXCEPTION 'role %% did not get the privileges of %4$s: the master user lacks the right to grant them', %1$s;
                END IF;""".formatted(literal(role.name()), writes, literal(databaseName), role.privilege(), iam)));
        return sql.toString();
    }

    private static String doBlock(String body) {
        return "DO $roles$\nBEGIN\n" + body.indent(2) + "END\n$roles$;\n";
    }

    /** A quoted identifier: double quotes, a double quote doubled. */
    static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A string literal (standard_conforming_strings, on since PostgreSQL 9.1): a quote doubled. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
