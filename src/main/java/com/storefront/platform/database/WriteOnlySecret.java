package com.storefront.platform.database;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecret;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecretConfig;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret_version.SecretsmanagerSecretVersion;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret_version.SecretsmanagerSecretVersionConfig;
import com.storefront.platform.aws.EncryptionKey;
import software.constructs.Construct;

/**
 * A Secrets Manager secret encrypted with the environment's key, and the one version Terraform writes into it through
 * write-only attributes, so its value reaches neither state nor plan. Protected environments keep a deleted secret 30
 * days and refuse to destroy it; others delete it at once, so a re-create can reuse the name.
 *
 * @param secret the secret, {@code secret} in its scope
 * @param version the version Terraform writes
 */
record WriteOnlySecret(SecretsmanagerSecret secret, SecretsmanagerSecretVersion version) {

    /**
     * Declares the secret and its version in {@code scope}.
     *
     * @param versionId the version's construct id
     * @param value the HCL expression of the value (it may read ephemeral values)
     * @param valueVersion a new number writes a new value
     */
    static WriteOnlySecret declare(Construct scope, String versionId, String name, String description, EncryptionKey key, boolean protect,
            String value, int valueVersion) {
        SecretsmanagerSecret secret = new SecretsmanagerSecret(scope, "secret", SecretsmanagerSecretConfig.builder()
                .name(name)
                .description(description)
                .kmsKeyId(key.arn())
                .recoveryWindowInDays(protect ? 30 : 0)
                .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(protect).build())
                .build());
        SecretsmanagerSecretVersion version = new SecretsmanagerSecretVersion(scope, versionId, SecretsmanagerSecretVersionConfig.builder()
                .secretId(secret.getId())
                .build());
        // Write-only attributes (provider >= 5.95) are missing from the 5.23.1 bindings; only they accept ephemeral
        // values, and neither value is stored in state or plan.
        version.addOverride("secret_string_wo", "${" + value + "}");
        version.addOverride("secret_string_wo_version", valueVersion);
        return new WriteOnlySecret(secret, version);
    }
}
