package com.storefront.platform.config;

import java.util.List;

/**
 * Who may log in, and how operators get in. Defaults: {@link Environments#defaults}.
 *
 * @param iamDatabaseUsers database users applications may log in as with IAM tokens, at least one: lowercase
 *     PostgreSQL role names, none of them a reserved key word, a {@code pg_} name or a role RDS already has
 * @param bastion whether operators get an SSM-only bastion for port forwarding
 */
public record AccessConfig(List<String> iamDatabaseUsers, boolean bastion) {

    public AccessConfig {
        iamDatabaseUsers = List.copyOf(iamDatabaseUsers);
        if (iamDatabaseUsers.isEmpty()) {
            throw new InvalidConfigException("database.access.iamDatabaseUsers", iamDatabaseUsers, "must name at least one application user");
        }
        String field = "database.access.iamDatabaseUsers";
        for (String user : iamDatabaseUsers) {
            if (!CredentialsConfig.IDENTIFIER.matcher(user).matches()) {
                throw new InvalidConfigException(field, user, "must be lowercase database user names like storefront_app");
            }
            PostgresNames.requireRoleName(field, user, "storefront_app");
            if (PostgresNames.RDS_ROLES.contains(user)) {
                throw new InvalidConfigException(field, user, "must not be one of the roles every RDS instance already has "
                        + PostgresNames.RDS_ROLES + " (granting it rds_iam would change what RDS itself can do); name the application's"
                        + " own user, like storefront_app");
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
