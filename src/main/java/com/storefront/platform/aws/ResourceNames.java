package com.storefront.platform.aws;

import com.storefront.platform.config.EnvironmentConfig;

/**
 * Builds every AWS resource name of one environment, so that names are predictable
 * ({@code <project>-<env>-<component>}) and never collide across environments.
 *
 * @param project the project prefix, {@value #PROJECT}
 * @param environment the environment name
 * @param region the environment's region
 */
public record ResourceNames(String project, String environment, String region) {

    /** The prefix of every name this project creates. */
    public static final String PROJECT = "storefront";

    private static final int IAM_ROLE_NAME_MAX = 64;

    public static ResourceNames of(EnvironmentConfig environment) {
        return new ResourceNames(PROJECT, environment.name(), environment.region());
    }

    /** {@code storefront-prod-<component>}. */
    public String name(String component) {
        return project + "-" + environment + "-" + component;
    }

    /**
     * {@code storefront-prod-eu-west-1-<purpose>}: IAM names are global per account, and a role name carries the region
     * too, so that a role says where it acts. The access policies ({@code storefront-prod-postgres-connect}, ...) carry no
     * region: one account holds an environment name once, in one region, whichever configuration deploys it
     * ({@code Environments} refuses a repeated name within one).
     */
    public String iamRoleName(String purpose) {
        String roleName = project + "-" + environment + "-" + region + "-" + purpose;
        if (roleName.length() > IAM_ROLE_NAME_MAX) {
            throw new IllegalArgumentException("IAM role name " + roleName + " is longer than " + IAM_ROLE_NAME_MAX
                    + " characters; shorten the purpose '" + purpose + "'");
        }
        return roleName;
    }
}
