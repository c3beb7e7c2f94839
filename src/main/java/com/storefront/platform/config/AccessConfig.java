package com.storefront.platform.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may log in, and how operators get in. Defaults: {@link Environments#defaults}.
 *
 * @param roles the database roles applications log in as with IAM tokens, each created and granted its privilege on
 *     deploy (see {@code database.DatabaseRoles}); distinct names, at least one {@code READ_WRITE}: the first of those
 *     is the application's, which the RDS Proxy serves where there is one
 * @param bastion whether operators get an SSM-only bastion for port forwarding, which also runs the roles script on
 *     deploy
 */
public record AccessConfig(List<DatabaseRole> roles, boolean bastion) {

    public AccessConfig {
        roles = List.copyOf(roles);
        String field = "database.access.roles";
        Set<String> seen = new HashSet<>();
        for (DatabaseRole role : roles) {
            if (!seen.add(role.name())) {
                throw new InvalidConfigException(field, role.name(), "must name each role once; keep one entry with the privilege it needs");
            }
        }
        if (roles.stream().noneMatch(role -> role.privilege() == DatabaseRole.Privilege.READ_WRITE)) {
            throw new InvalidConfigException(field, roles.stream().map(DatabaseRole::name).toList(),
                    "must include a READ_WRITE role for the application, like DatabaseRole.readWrite(\"storefront_app\")");
        }
    }

    /** The application's role: the first {@code READ_WRITE} one. */
    public DatabaseRole applicationRole() {
        return roles.stream().filter(role -> role.privilege() == DatabaseRole.Privilege.READ_WRITE).findFirst().orElseThrow();
    }

    public Builder toBuilder() {
        return new Builder().roles(roles.toArray(DatabaseRole[]::new)).bastion(bastion);
    }

    /** Builds an {@link AccessConfig}; every value is required. */
    public static final class Builder {
        private List<DatabaseRole> roles;
        private Boolean bastion;

        Builder() {
        }

        /** Every role, replacing those of the tier: name the tier's too to keep them. */
        public Builder roles(DatabaseRole... roles) {
            this.roles = Required.each("database.access.roles", "DatabaseRole.readWrite(\"storefront_app\")", roles);
            return this;
        }

        public Builder bastion(boolean enabled) {
            bastion = enabled;
            return this;
        }

        public AccessConfig build() {
            return new AccessConfig(Required.of("database.access.roles", roles), Required.of("database.access.bastion", bastion));
        }
    }
}
