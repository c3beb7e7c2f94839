package com.storefront.platform.database;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecret;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecretConfig;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret_version.SecretsmanagerSecretVersion;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret_version.SecretsmanagerSecretVersionConfig;
import software.constructs.Construct;

/**
 * The Secrets Manager secret holding the master credentials as JSON ({@code engine}, {@code username},
 * {@code password}, {@code dbname}), written only through write-only attributes so the password never
 * reaches Terraform state; a new version is written whenever the password version changes.
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
                .recoveryWindowInDays(props.config().protect() ? 30 : 0)
                .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(props.config().protect()).build())
                .build());

        SecretsmanagerSecretVersion current = new SecretsmanagerSecretVersion(this, "current", SecretsmanagerSecretVersionConfig.builder()
                .secretId(secret.getId())
                .build());
        // Host and port are stack outputs; the secret holds what a break-glass login needs beyond them.
        String credentials = "{engine = \"postgres\", username = \"" + props.config().masterUsername() + "\", password = "
                + props.passwordExpression() + ", dbname = \"" + props.config().databaseName() + "\"}";
        // Write-only attributes (provider >= 5.95) are missing from the 5.23.1 bindings; only they accept
        // ephemeral values, and neither value is stored in state or plan.
        current.addOverride("secret_string_wo", "${jsonencode(" + credentials + ")}");
        current.addOverride("secret_string_wo_version", props.version());
    }

    public String arn() {
        return secret.getArn();
    }
}
