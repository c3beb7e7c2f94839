package com.storefront.platform.database;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecret;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecretConfig;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret_version.SecretsmanagerSecretVersion;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret_version.SecretsmanagerSecretVersionConfig;
import software.constructs.Construct;

/**
 * The Secrets Manager secret holding the master credentials as JSON ({@code username}, {@code password},
 * {@code engine}, {@code host}, {@code port}, {@code dbname}), written only through write-only
 * attributes so the password never reaches Terraform state.
 */
public final class MasterSecret extends Construct {

    private final SecretsmanagerSecret secret;

    public MasterSecret(Construct scope, String id, MasterSecretProps props) {
        super(scope, id);
        secret = new SecretsmanagerSecret(this, "secret", SecretsmanagerSecretConfig.builder()
                .name(props.names().project() + "/" + props.names().environment() + "/postgres/master")
                .description("Master credentials of the " + props.names().environment() + " PostgreSQL primary (break-glass only)")
                .kmsKeyId(props.kmsKeyArn())
                // Unprotected environments delete at once so a re-create can reuse the name.
                .recoveryWindowInDays(props.protect() ? 30 : 0)
                .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(props.protect()).build())
                .build());
    }

    /**
     * Writes the credentials, as an HCL object expression, into a new secret version whenever
     * {@code version} changes.
     *
     * @param credentialsExpression an HCL expression yielding the credentials object; it may read
     *     ephemeral values, which only write-only attributes accept
     */
    public void write(String credentialsExpression, int version) {
        SecretsmanagerSecretVersion current = new SecretsmanagerSecretVersion(this, "current", SecretsmanagerSecretVersionConfig.builder()
                .secretId(secret.getId())
                .build());
        // Write-only attributes (provider >= 5.95) are missing from the 5.23.1 bindings.
        current.addOverride("secret_string_wo", "${jsonencode(" + credentialsExpression + ")}");
        current.addOverride("secret_string_wo_version", version);
    }

    public String arn() {
        return secret.getArn();
    }

    public SecretsmanagerSecret secret() {
        return secret;
    }
}
