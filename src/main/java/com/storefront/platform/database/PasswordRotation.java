package com.storefront.platform.database;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret_rotation.SecretsmanagerSecretRotation;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret_rotation.SecretsmanagerSecretRotationConfig;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret_rotation.SecretsmanagerSecretRotationRotationRules;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupConfig;
import com.hashicorp.cdktf.providers.aws.serverlessapplicationrepository_cloudformation_stack.ServerlessapplicationrepositoryCloudformationStack;
import com.hashicorp.cdktf.providers.aws.serverlessapplicationrepository_cloudformation_stack.ServerlessapplicationrepositoryCloudformationStackConfig;
import com.storefront.platform.aws.Peer;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.aws.TcpRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * Scheduled rotation of the write-only master password with AWS's single-user PostgreSQL rotation function, deployed
 * from the Serverless Application Repository into the application subnets. Its security group reaches only the
 * database (which lets it in) and the VPC's Secrets Manager endpoint.
 *
 * <p>Order of events: Terraform writes the first password to the primary and the secret; then the function is
 * deployed and rotation switched on, which runs the first rotation at once (so a broken path shows at deploy, in the
 * function's logs); every {@code rotationDays} after, Secrets Manager runs it again: it makes a new password
 * (AWSPENDING), sets it on the primary as the master user, logs in with it, and moves AWSCURRENT to it. Terraform
 * never moves staging labels, so its own version becomes AWSPREVIOUS and the next plan is empty. Bumping
 * {@code MasterPassword.WriteOnly}'s version still writes a new password to both at the next apply.
 */
public final class PasswordRotation extends Construct {

    /** AWS's single-user rotation function for RDS PostgreSQL, published by AWS in the Serverless Application Repository. */
    static final String APPLICATION_ID =
            "arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSPostgreSQLRotationSingleUser";

    public PasswordRotation(Construct scope, String id, PasswordRotationProps props) {
        super(scope, id);
        ResourceNames names = props.names();
        // The function and its group share one name.
        String name = names.name("password-rotation");
        String groupId = new SecurityGroup(this, "security-group", SecurityGroupConfig.builder()
                .name(name)
                .description("Master password rotation function: out to PostgreSQL and the Secrets Manager endpoint only")
                .vpcId(props.network().vpcId())
                .tags(Map.of("Name", name))
                .build()).getId();
        List<ITerraformDependable> paths = new ArrayList<>();
        paths.add(TcpRules.allowOut(this, "to-database", groupId, TcpRules.POSTGRES, Peer.group(props.database().securityGroupId()),
                "PostgreSQL to the database security group"));
        paths.add(TcpRules.allowOut(this, "to-secrets-manager", groupId, TcpRules.HTTPS, Peer.group(props.network().endpointsSecurityGroupId()),
                "HTTPS to the Secrets Manager endpoint"));
        paths.add(props.database().allowFrom("from-password-rotation", Peer.group(groupId), "PostgreSQL from the password rotation function"));

        ServerlessapplicationrepositoryCloudformationStack function = new ServerlessapplicationrepositoryCloudformationStack(this, "function",
                ServerlessapplicationrepositoryCloudformationStackConfig.builder()
                        // The repository names the CloudFormation stack serverlessrepo-<name>.
                        .name(name)
                        .applicationId(APPLICATION_ID)
                        // The application creates the function's role and its resource policy.
                        .capabilities(List.of("CAPABILITY_IAM", "CAPABILITY_RESOURCE_POLICY"))
                        .parameters(Map.of(
                                "functionName", name,
                                // Private DNS of the VPC's endpoint resolves this name inside the VPC.
                                "endpoint", "https://secretsmanager." + names.region() + ".amazonaws.com",
                                "vpcSubnetIds", Fn.join(",", props.network().applicationSubnetIds()),
                                "vpcSecurityGroupIds", groupId,
                                // The secret is encrypted with the environment's key: the function's role may use it.
                                "kmsKeyArn", props.key().arn()))
                        .build());

        props.secret().version().ifPresent(paths::add);
        props.roles().association().ifPresent(paths::add);
        SecretsmanagerSecretRotation rotation = new SecretsmanagerSecretRotation(this, "schedule", SecretsmanagerSecretRotationConfig.builder()
                .secretId(props.secret().arn())
                .rotationLambdaArn(function.getOutputs().lookup("RotationLambdaARN"))
                .rotationRules(SecretsmanagerSecretRotationRotationRules.builder().automaticallyAfterDays(props.rotationDays()).build())
                // The first rotation needs the secret's value, the function's paths in and out, and the instance; it
                // waits for the roles script, which would log in with a password the rotation has just changed.
                .dependsOn(paths)
                .build());
        // rotate_immediately (provider >= 5.33) is missing from the 5.23.1 bindings; stated: the first rotation runs when
        // rotation is switched on, so the deploy exercises the function's path to the database and Secrets Manager. The
        // provider sends it with every later change of the rotation too (a new rotationDays, a replaced function), which
        // then also rotates at once.
        rotation.addOverride("rotate_immediately", true);
    }
}
