package com.storefront.platform.config;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The role and database names PostgreSQL or RDS refuse, checked without a database.
 *
 * <p>The key words are PostgreSQL 17.5's, from {@code SELECT word, catcode FROM pg_get_keywords()} (the lists are the
 * same from 16, which added {@code system_user}); refresh them on the newest major version the config accepts.
 * Checked on PostgreSQL 17.5: {@code CREATE ROLE} refuses reserved key words ({@code R}) but takes the key words that
 * can only name functions or types ({@code T}, such as {@code left}); {@code CREATE DATABASE} refuses both.
 */
final class PostgresNames {

    /** {@code pg_get_keywords()} with {@code catcode = 'R'}: no role or database can be named so without quotes. */
    static final SortedSet<String> RESERVED_KEY_WORDS = sorted(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast", "check",
            "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role", "current_time",
            "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except",
            "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into",
            "lateral", "leading", "limit", "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order",
            "placing", "primary", "references", "returning", "select", "session_user", "some", "symmetric", "system_user",
            "table", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where",
            "window", "with");

    /** {@code pg_get_keywords()} with {@code catcode = 'T'}: fine for a role, refused for a database. */
    static final SortedSet<String> TYPE_OR_FUNCTION_KEY_WORDS = sorted(
            "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full", "ilike",
            "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps", "right", "similar",
            "tablesample", "verbose");

    /** Role names PostgreSQL refuses with "role name ... is reserved". */
    static final SortedSet<String> RESERVED_ROLE_NAMES = sorted("none", "public");

    /**
     * Roles every RDS for PostgreSQL instance has (RDS User Guide, "Understanding PostgreSQL roles and permissions"; and
     * {@code rdstopmgr}, the login role RDS's own monitoring uses, a member of {@code pg_monitor}, which {@code \du} and
     * {@code \l} show on every instance): no user can be created with their names, and an IAM user of that name would
     * hand {@code rds_iam} to the role.
     */
    static final SortedSet<String> RDS_ROLES = sorted(
            "rds_ad", "rds_iam", "rds_password", "rds_replication", "rds_superuser", "rdsadmin", "rdsrepladmin", "rdstopmgr");

    /**
     * Databases every RDS for PostgreSQL instance has besides {@code postgres}, which is also the DBName RDS creates when
     * none is given, and so a DBName it takes; the API's DBName creates one more, never one of these.
     */
    static final SortedSet<String> RDS_DATABASES = sorted("rdsadmin", "template0", "template1");

    private PostgresNames() {
    }

    /**
     * @throws InvalidConfigException when PostgreSQL cannot create a role called {@code name} without quotes
     */
    static void requireRoleName(String field, String name, String example) {
        if (RESERVED_KEY_WORDS.contains(name)) {
            throw new InvalidConfigException(field, name,
                    "must not be a PostgreSQL reserved key word (CREATE ROLE refuses it unquoted); pick a name like " + example);
        }
        if (RESERVED_ROLE_NAMES.contains(name)) {
            throw new InvalidConfigException(field, name,
                    "must not be one of " + RESERVED_ROLE_NAMES + " (PostgreSQL reserves them as role names); pick a name like " + example);
        }
        if (name.startsWith("pg_")) {
            throw new InvalidConfigException(field, name,
                    "must not start with pg_ (PostgreSQL reserves the prefix for its own roles); pick a name like " + example);
        }
    }

    /**
     * @throws InvalidConfigException when {@code name} cannot be the database RDS creates at launch
     */
    static void requireDatabaseName(String field, String name) {
        if (RESERVED_KEY_WORDS.contains(name) || TYPE_OR_FUNCTION_KEY_WORDS.contains(name)) {
            throw new InvalidConfigException(field, name,
                    "must not be a PostgreSQL key word reserved for names (CREATE DATABASE refuses it unquoted); pick a name like storefront");
        }
        if (RDS_DATABASES.contains(name)) {
            throw new InvalidConfigException(field, name,
                    "must not be one of the databases every RDS for PostgreSQL instance already has " + RDS_DATABASES
                            + " (RDS creates DBName in addition to them); pick a name like storefront");
        }
    }

    private static SortedSet<String> sorted(String... names) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(List.of(names)));
    }
}
