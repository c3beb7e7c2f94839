package com.storefront.platform.config;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The master user and the database created at launch. Defaults: {@link Environments#defaults}.
 *
 * @param masterPassword how the master password is made and kept out of state
 * @param masterUsername the master user; never a well-known name
 * @param databaseName the database created at launch
 */
public record CredentialsConfig(MasterPassword masterPassword, String masterUsername, String databaseName) {

    static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Set<String> RESERVED_USERNAMES = Set.of("postgres", "admin", "root", "rdsadmin", "rdsrepladmin", "master", "user");

    public CredentialsConfig {
        Required.of("database.credentials.masterPassword", masterPassword);
        if (masterUsername == null || !IDENTIFIER.matcher(masterUsername).matches() || RESERVED_USERNAMES.contains(masterUsername)) {
            throw new InvalidConfigException("database.credentials.masterUsername", masterUsername,
                    "must be a lowercase identifier that is not a well-known name " + RESERVED_USERNAMES.stream().sorted().toList());
        }
        if (databaseName == null || !IDENTIFIER.matcher(databaseName).matches()) {
            throw new InvalidConfigException("database.credentials.databaseName", databaseName, "must be a lowercase identifier like storefront");
        }
    }

    public Builder toBuilder() {
        return new Builder().masterPassword(masterPassword).masterUsername(masterUsername).databaseName(databaseName);
    }

    /** Builds a {@link CredentialsConfig}; every value is required. */
    public static final class Builder {
        private MasterPassword masterPassword;
        private String masterUsername;
        private String databaseName;

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

        public CredentialsConfig build() {
            return new CredentialsConfig(masterPassword, Required.of("database.credentials.masterUsername", masterUsername),
                    Required.of("database.credentials.databaseName", databaseName));
        }
    }
}
