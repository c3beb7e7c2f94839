package com.storefront.platform.database;

import com.hashicorp.cdktf.providers.aws.secretsmanager_secret_version.SecretsmanagerSecretVersion;
import com.storefront.platform.config.CredentialsConfig;
import com.storefront.platform.config.MasterPassword;
import com.storefront.platform.deployment.ResourceAddress;
import java.util.List;
import java.util.Optional;
import software.constructs.Construct;

/**
 * The Secrets Manager secret holding the database's master credentials.
 *
 * <p>With {@link MasterPassword.WriteOnly}: a secret of this construct's own, holding the JSON AWS's rotation function
 * reads ({@code engine}, {@code host}, {@code port}, {@code username}, {@code password}, {@code dbname}), written only
 * through write-only attributes, so the password never reaches Terraform state; a new secret version is written
 * whenever the password version changes. Terraform never sets the version's staging labels, so a rotation that moves
 * {@code AWSCURRENT} to a version of its own is left alone. With {@link MasterPassword.RdsManaged}: the secret RDS
 * creates and rotates itself.
 */
public final class MasterSecret extends Construct {

    private final String arn;
    private final SecretsmanagerSecretVersion version;

    public MasterSecret(Construct scope, String id, MasterSecretProps props) {
        super(scope, id);
        CredentialsConfig credentials = props.database().config().credentials();
        boolean protect = props.database().config().protect();
        if (!(credentials.masterPassword() instanceof MasterPassword.WriteOnly writeOnly)) {
            arn = props.database().rdsManagedSecretArn();
            version = null;
            return;
        }
        // The keys AWS's single-user rotation function reads, all but the password the primary's own, so the value is
        // written once the primary exists: restored from a snapshot, it keeps the snapshot's master user and database.
        String primary = ResourceAddress.of(props.database().primary());
        String json = "{engine = \"postgres\", host = " + primary + ".address, port = " + primary + ".port, username = " + primary
                + ".username, password = " + props.password().expression() + ", dbname = " + primary + ".db_name}";
        WriteOnlySecret secret = WriteOnlySecret.declare(this, "current", props.names().project() + "/" + props.names().environment() + "/postgres/master",
                "Master credentials of the " + props.names().environment() + " PostgreSQL primary (break-glass only)", props.key(), protect,
                "jsonencode(" + json + ")", writeOnly.version());
        // A replaced primary is created with this apply's password: its resource id, new with each instance, writes the
        // same password into the secret, which would otherwise keep the old instance's.
        secret.version().addOverride("lifecycle.replace_triggered_by", List.of(primary + ".resource_id"));
        arn = secret.secret().getArn();
        version = secret.version();
    }

    public String arn() {
        return arn;
    }

    /** The version Terraform writes ({@link MasterPassword.WriteOnly} only): a rotation may start once it exists. */
    Optional<SecretsmanagerSecretVersion> version() {
        return Optional.ofNullable(version);
    }

    /** The command that prints the master credentials (break-glass only: it needs the break-glass policy). */
    public String readCommand(String region) {
        return "aws secretsmanager get-secret-value --region " + region + " --secret-id " + arn + " --query SecretString --output text";
    }
}
