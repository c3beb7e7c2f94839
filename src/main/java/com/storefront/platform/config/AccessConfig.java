package com.storefront.platform.config;

import java.util.List;

/**
 * Who may log in, and how operators get in. Defaults: {@link Environments#defaults}.
 *
 * @param iamDatabaseUsers database users applications may log in as with IAM tokens, at least one
 * @param bastion whether operators get an SSM-only bastion for port forwarding
 */
public record AccessConfig(List<String> iamDatabaseUsers, boolean bastion) {

    public AccessConfig {
        iamDatabaseUsers = List.copyOf(iamDatabaseUsers);
        if (iamDatabaseUsers.isEmpty()) {
            throw new InvalidConfigException("database.access.iamDatabaseUsers", iamDatabaseUsers, "must name at least one application user");
        }
        for (String user : iamDatabaseUsers) {
            if (!CredentialsConfig.IDENTIFIER.matcher(user).matches()) {
                throw new InvalidConfigException("database.access.iamDatabaseUsers", user, "must be lowercase database user names like storefront_app");
            }
        }
    }

    public Builder toBuilder() {
        return new Builder().iamDatabaseUsers(iamDatabaseUsers.toArray(String[]::new)).bastion(bastion);
    }

    /** Builds an {@link AccessConfig}; every value is required. */
    public static final class Builder {
        private List<String> iamDatabaseUsers;
        private Boolean bastion;

        Builder() {
        }

        public Builder iamDatabaseUsers(String... users) {
            iamDatabaseUsers = List.of(users);
            return this;
        }

        public Builder bastion(boolean enabled) {
            bastion = enabled;
            return this;
        }

        public AccessConfig build() {
            return new AccessConfig(Required.of("database.access.iamDatabaseUsers", iamDatabaseUsers),
                    Required.of("database.access.bastion", bastion));
        }
    }
}
