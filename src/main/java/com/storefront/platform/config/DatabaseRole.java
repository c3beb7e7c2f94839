package com.storefront.platform.config;

/**
 * A database role an application logs in as with an IAM token, and what it may do with the data.
 *
 * @param name a lowercase PostgreSQL role name, none of them a reserved key word, a {@code pg_} name or a role RDS
 *     already has, e.g. {@code storefront_app}
 * @param privilege what the role may do with every table and sequence of the database
 */
public record DatabaseRole(String name, Privilege privilege) {

    private static final String FIELD = "database.access.roles";

    /** What a role may do with the data of the database. */
    public enum Privilege {
        /** Read and write every table and sequence, now and later, and create objects in schema {@code public}. */
        READ_WRITE,
        /** Read every table and sequence, now and later; nothing else. */
        READ_ONLY
    }

    public DatabaseRole {
        if (name == null || !CredentialsConfig.IDENTIFIER.matcher(name).matches()) {
            throw new InvalidConfigException(FIELD, name,
                    "must be lowercase database role names of at most 63 letters, digits and underscores, starting with a letter,"
                            + " like storefront_app");
        }
        PostgresNames.requireRoleName(FIELD, name, "storefront_app");
        if (PostgresNames.RDS_ROLES.contains(name)) {
            throw new InvalidConfigException(FIELD, name, "must not be one of the roles every RDS instance already has "
                    + PostgresNames.RDS_ROLES + " (granting it rds_iam would change what RDS itself can do); name the application's"
                    + " own role, like storefront_app");
        }
        if (privilege == null) {
            throw new InvalidConfigException(FIELD + "." + name + ".privilege", null, "must be READ_WRITE or READ_ONLY");
        }
    }

    /** A role that reads and writes the data, as an application that runs its own migrations does. */
    public static DatabaseRole readWrite(String name) {
        return new DatabaseRole(name, Privilege.READ_WRITE);
    }

    /** A role that only reads, as reporting does. */
    public static DatabaseRole readOnly(String name) {
        return new DatabaseRole(name, Privilege.READ_ONLY);
    }
}
