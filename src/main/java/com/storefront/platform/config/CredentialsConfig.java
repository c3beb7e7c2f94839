package com.storefront.platform.config;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The master user and the database created at launch. Defaults: {@link Environments#defaults}.
 *
 * @param masterPassword how the master password is made and kept out of state
 * @param masterUsername the master user: 1..16 lowercase letters, digits or underscores (RDS's limit), neither a
 *     PostgreSQL reserved key word nor a name RDS reserves, and not the engine's default {@code postgres}
 * @param databaseName the database created at launch: 1..63 lowercase letters, digits or underscores, not a
 *     PostgreSQL key word and not a database RDS keeps for itself ({@code postgres}, RDS's default, is accepted)
 * @param rotationDays days between automatic rotations of a {@link MasterPassword.WriteOnly} password by AWS's
 *     single-user PostgreSQL rotation function, 1..1000 (Secrets Manager's {@code AutomaticallyAfterDays}); the first
 *     rotation runs when it is switched on. Null: the password changes only when its version is bumped. Must be null
 *     with {@link MasterPassword.RdsManaged}, which RDS rotates itself. Default: 30 in staging and prod, null in dev
 */
public record CredentialsConfig(MasterPassword masterPassword, String masterUsername, String databaseName, Integer rotationDays) {

    /** RotateSecret's RotationRules.AutomaticallyAfterDays: "Minimum value of 1. Maximum value of 1000." */
    static final int MAX_ROTATION_DAYS = 1000;

    /**
     * A PostgreSQL identifier of at most 63 bytes (NAMEDATALEN - 1), lowercase because PostgreSQL folds unquoted names
     * to lowercase: a mixed-case role or database would need double quotes in every statement that names it.
     */
    static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** CreateDBInstance's MasterUsername: "Must be 1 to 16 letters, numbers, or underscores. First character must be a letter." */
    private static final Pattern MASTER_USERNAME = Pattern.compile("[a-z][a-z0-9_]{0,15}");

    /**
     * Master user names refused although they are identifiers: RDS refuses {@code admin} for PostgreSQL ("reserved word
     * used by the engine") and its own roles; {@code postgres} RDS accepts (it is the console's default), but AWS
     * Config's managed rule rds-instance-default-admin-check, which Security Hub control RDS.25 runs, flags it as the
     * engine's default admin name, so this project refuses it.
     */
    private static final SortedSet<String> WELL_KNOWN_USERNAMES = wellKnownUsernames();

    public CredentialsConfig {
        Required.of("database.credentials.masterPassword", masterPassword);
        String username = "database.credentials.masterUsername";
        if (masterUsername == null || !MASTER_USERNAME.matcher(masterUsername).matches()) {
            throw new InvalidConfigException(username, masterUsername,
                    "must be 1..16 lowercase letters, digits or underscores starting with a letter (RDS allows at most 16 characters"
                            + " for a master user), like storefront_admin");
        }
        if (WELL_KNOWN_USERNAMES.contains(masterUsername)) {
            throw new InvalidConfigException(username, masterUsername,
                    "must be a lowercase identifier that is not a well-known name " + WELL_KNOWN_USERNAMES + ": RDS refuses admin and"
                            + " its own roles, and AWS Config's rds-instance-default-admin-check (Security Hub RDS.25) flags the default"
                            + " postgres; pick a name of your own like storefront_admin");
        }
        PostgresNames.requireRoleName(username, masterUsername, "storefront_admin");
        if (databaseName == null || !IDENTIFIER.matcher(databaseName).matches()) {
            throw new InvalidConfigException("database.credentials.databaseName", databaseName, "must be a lowercase identifier like storefront");
        }
        PostgresNames.requireDatabaseName("database.credentials.databaseName", databaseName);
        if (rotationDays != null && masterPassword instanceof MasterPassword.RdsManaged) {
            throw new InvalidConfigException("database.credentials.rotationDays", rotationDays,
                    "must be null with MasterPassword.RdsManaged: RDS rotates the password it manages on the secret's own schedule"
                            + " (every 7 days unless changed in Secrets Manager), which this project leaves to RDS;"
                            + " remove rotationDays or use MasterPassword.WriteOnly");
        }
        if (rotationDays != null && (rotationDays < 1 || rotationDays > MAX_ROTATION_DAYS)) {
            throw new InvalidConfigException("database.credentials.rotationDays", rotationDays,
                    "must be 1.." + MAX_ROTATION_DAYS + " days (Secrets Manager's rotation schedule), or null for manual rotation only");
        }
    }

    private static SortedSet<String> wellKnownUsernames() {
        SortedSet<String> names = new TreeSet<>(PostgresNames.RDS_ROLES);
        names.add("admin");
        names.add("postgres");
        return Collections.unmodifiableSortedSet(names);
    }

    public Builder toBuilder() {
        return new Builder().masterPassword(masterPassword).masterUsername(masterUsername).databaseName(databaseName)
                .rotationDays(rotationDays);
    }

    /** Builds a {@link CredentialsConfig}; every value but {@code rotationDays} is required. */
    public static final class Builder {
        private MasterPassword masterPassword;
        private String masterUsername;
        private String databaseName;
        private Integer rotationDays;

        Builder() {
        }

        public Builder masterPassword(MasterPassword password) {
            masterPassword = password;
            return this;
        }

        public Builder masterUsername(String username) {
            masterUsername = username;
            return this;
        }

        public Builder databaseName(String name) {
            databaseName = name;
            return this;
        }

        /** Days between automatic rotations, or null for manual rotation only. */
        public Builder rotationDays(Integer days) {
            rotationDays = days;
            return this;
        }

        public CredentialsConfig build() {
            return new CredentialsConfig(masterPassword, Required.of("database.credentials.masterUsername", masterUsername),
                    Required.of("database.credentials.databaseName", databaseName), rotationDays);
        }
    }
}
