package com.storefront.platform.config;

/**
 * How the master password is created and kept out of Terraform state. A choice, so that the one
 * combination AWS refuses (an RDS-managed password with read replicas) is rejected at synth.
 */
public sealed interface MasterPassword {

    /**
     * Terraform asks Secrets Manager for a random password during each run (an ephemeral resource) and
     * writes it only through write-only attributes: to the instance ({@code password_wo}) and to a
     * Secrets Manager secret ({@code secret_string_wo}). It is never in state, plan or synthesized JSON.
     * Works with read replicas and Blue/Green deployments.
     *
     * @param version bump by one to rotate: the next apply writes a new password to both
     */
    record WriteOnly(int version) implements MasterPassword {
        public WriteOnly {
            if (version < 1) {
                throw new InvalidConfigException("database.credentials.masterPassword.version", version, "must be 1 or more; bump it to rotate");
            }
        }
    }

    /**
     * RDS creates the password and keeps it in a Secrets Manager secret it rotates itself. AWS does not
     * support it when read replicas are created from the instance, nor with Blue/Green deployments.
     */
    record RdsManaged() implements MasterPassword {
    }
}
