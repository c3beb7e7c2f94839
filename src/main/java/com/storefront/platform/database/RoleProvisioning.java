package com.storefront.platform.database;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicyConfig;
import com.hashicorp.cdktf.providers.aws.ssm_association.SsmAssociation;
import com.hashicorp.cdktf.providers.aws.ssm_association.SsmAssociationConfig;
import com.hashicorp.cdktf.providers.aws.ssm_association.SsmAssociationTargets;
import com.hashicorp.cdktf.providers.aws.ssm_document.SsmDocument;
import com.hashicorp.cdktf.providers.aws.ssm_document.SsmDocumentConfig;
import com.storefront.platform.aws.PolicyStatement;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.deployment.ResourceAddress;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * Creates the database roles on deploy: the {@link DatabaseRoles} script, run by an SSM Run Command document that a
 * State Manager association runs on the bastion as the master user, whose secret (and the proxy's) the bastion may
 * read for that. The script is the document's content, so a change to the declared roles is a new document version,
 * which replaces the association: the provider waits for an association's run only when it creates one, so an update
 * in place would run the new version without the deploy ever seeing it fail. A replaced primary replaces it too. Either
 * way the deploy waits until the run succeeded.
 *
 * <p>Without a bastion nothing runs: {@link #script()} is published, and {@link #runCommand()} says how to run it.
 */
public final class RoleProvisioning extends Construct {

    /** How long a deploy waits for the script to succeed on the bastion, which may still be registering with SSM. */
    static final int WAIT_FOR_SUCCESS_SECONDS = 900;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String script;
    private final Optional<SsmAssociation> association;
    private final String connection;
    private final ResourceNames names;
    private final String proxyPasswordVerifier;

    public RoleProvisioning(Construct scope, String id, RoleProvisioningProps props) {
        super(scope, id);
        names = props.names();
        script = props.roles().psqlScript();
        String host = props.database().primary().getAddress();
        connection = "host=" + host + " port=" + PostgresDatabase.PORT + " dbname=" + props.roles().databaseName() + " user="
                + props.roles().masterUsername() + " sslmode=verify-full sslrootcert=" + names.region() + "-bundle.pem";
        proxyPasswordVerifier = props.proxy().map(proxy -> " -v " + DatabaseRoles.PROXY_PASSWORD_VERIFIER_VARIABLE + "=\"$(aws secretsmanager get-secret-value --region "
                + names.region() + " --secret-id " + proxy.secretArn() + " --query SecretString --output text | jq -r .password | "
                + DatabaseRoles.SCRAM_VERIFIER_COMMAND + ")\"").orElse("");
        association = props.bastion().map(bastion -> runOnBastion(props, bastion, host));
    }

    private SsmAssociation runOnBastion(RoleProvisioningProps props, DatabaseAccess.Bastion bastion, String host) {
        List<String> secrets = new ArrayList<>(List.of(props.secret().arn()));
        props.proxy().ifPresent(proxy -> secrets.add(proxy.secretArn()));
        IamRolePolicy readSecrets = new IamRolePolicy(this, "read-secrets", IamRolePolicyConfig.builder()
                .name("run-" + names.name("database-roles"))
                .role(bastion.role().getId())
                .policy(PolicyStatement.document(this, "read-secrets-policy", List.of(
                        PolicyStatement.allow("ReadCredentialsTheRolesScriptUses")
                                .actions("secretsmanager:GetSecretValue")
                                .resources(secrets.toArray(String[]::new)),
                        props.key().decryptThroughService("DecryptThem", "secretsmanager"))).getJson())
                .build());

        SsmDocument document = new SsmDocument(this, "document", SsmDocumentConfig.builder()
                .name(names.name("database-roles"))
                .documentType("Command")
                .documentFormat("JSON")
                .content(documentContent(props, host))
                .build());

        List<ITerraformDependable> needs = new ArrayList<>(List.of(props.database().primary(), readSecrets));
        props.secret().version().ifPresent(needs::add);
        props.proxy().ifPresent(proxy -> needs.add(proxy.credentials()));
        return new SsmAssociation(this, "run", SsmAssociationConfig.builder()
                .name(document.getName())
                .associationName(names.name("database-roles"))
                .documentVersion(document.getLatestVersion())
                .targets(List.of(SsmAssociationTargets.builder().key("InstanceIds").values(List.of(bastion.instance().getId())).build()))
                .waitForSuccessTimeoutSeconds(WAIT_FOR_SUCCESS_SECONDS)
                .dependsOn(needs)
                // A replaced primary is a new, empty database behind the same endpoint (so the same document): its
                // resource id, new with each instance, runs the script there too.
                .lifecycle(TerraformResourceLifecycle.builder().replaceTriggeredBy(List.of(ResourceAddress.of(document),
                        ResourceAddress.of(props.database().primary()) + ".resource_id")).build())
                .build());
    }

    /** A Run Command document whose shell script reads the credentials, fetches the RDS CA bundle and runs the SQL. */
    private String documentContent(RoleProvisioningProps props, String host) {
        String region = names.region();
        List<String> lines = new ArrayList<>(List.of(
                "set -euo pipefail",
                // Amazon Linux 2023 ships no PostgreSQL client; psql 16 speaks to every version the config allows.
                "command -v psql >/dev/null || dnf install -y -q postgresql16",
                "export AWS_DEFAULT_REGION=" + region,
                "field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' \"$1\"; }",
                "master=$(aws secretsmanager get-secret-value --secret-id '" + props.secret().arn() + "' --query SecretString --output text)",
                "export PGUSER=$(printf '%s' \"$master\" | field username) PGPASSWORD=$(printf '%s' \"$master\" | field password)",
                "cd \"$(mktemp -d)\"",
                "curl -fsS -o rds-ca.pem https://truststore.pki.rds.amazonaws.com/" + region + "/" + region + "-bundle.pem",
                "cat > roles.sql <<'SQL'"));
        // The script is a Terraform string: ${ and %{ would start an interpolation or a directive there.
        lines.addAll(List.of(script.replace("${", "$${").replace("%{", "%%{").split("\n")));
        lines.add("SQL");
        String variables = "";
        if (props.proxy().isPresent()) {
            // Only the password's SCRAM verifier leaves the bastion.
            lines.add("proxy=$(aws secretsmanager get-secret-value --secret-id '" + props.proxy().get().secretArn()
                    + "' --query SecretString --output text | field password | " + DatabaseRoles.SCRAM_VERIFIER_COMMAND + ")");
            variables = " -v " + DatabaseRoles.PROXY_PASSWORD_VERIFIER_VARIABLE + "=\"$proxy\"";
        }
        lines.add("psql \"host=" + host + " port=" + PostgresDatabase.PORT + " dbname=" + props.roles().databaseName()
                + " sslmode=verify-full sslrootcert=rds-ca.pem\" -X -v ON_ERROR_STOP=1" + variables + " -f roles.sql");

        Map<String, Object> step = new LinkedHashMap<>();
        step.put("action", "aws:runShellScript");
        step.put("name", "createDatabaseRoles");
        // Ordered maps only: the content is the document's identity, and a key order that moved between syntheses would
        // make a new document version, and so a new run, at every deploy.
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("timeoutSeconds", "600");
        inputs.put("runCommand", lines);
        step.put("inputs", inputs);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("schemaVersion", "2.2");
        content.put("description", "Creates and grants the " + names.environment() + " database roles (idempotent): " + props.roles().roles().stream()
                .map(role -> role.name() + " (" + role.privilege() + ")").toList());
        content.put("mainSteps", List.of(step));
        try {
            return JSON.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The association that runs the script on the bastion, where there is one. */
    public Optional<SsmAssociation> association() {
        return association;
    }

    /** The roles script, for psql. */
    public String script() {
        return script;
    }

    /**
     * How to run the script: again on the bastion through its association, or, without a bastion, by hand with psql
     * from a host that reaches the primary, as the master user.
     */
    public String runCommand() {
        return association
                .map(run -> "aws ssm start-associations-once --region " + names.region() + " --association-ids " + run.getAssociationId())
                .orElse("terraform output -raw " + DatabaseOutput.DATABASE_ROLES_SQL.outputName() + " > roles.sql && PGPASSWORD=<master password> psql \""
                        + connection + "\" -X -v ON_ERROR_STOP=1" + proxyPasswordVerifier + " -f roles.sql");
    }
}
