package com.storefront.platform.database;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.iam_instance_profile.IamInstanceProfile;
import com.hashicorp.cdktf.providers.aws.iam_instance_profile.IamInstanceProfileConfig;
import com.hashicorp.cdktf.providers.aws.iam_policy.IamPolicy;
import com.hashicorp.cdktf.providers.aws.iam_policy.IamPolicyConfig;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRoleConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachment;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachmentConfig;
import com.hashicorp.cdktf.providers.aws.instance.Instance;
import com.hashicorp.cdktf.providers.aws.instance.InstanceConfig;
import com.hashicorp.cdktf.providers.aws.instance.InstanceMetadataOptions;
import com.hashicorp.cdktf.providers.aws.instance.InstanceRootBlockDevice;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupConfig;
import com.storefront.platform.aws.Peer;
import com.storefront.platform.aws.PolicyStatement;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.aws.TcpRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.constructs.Construct;

/**
 * The ways in: IAM policies that let applications log in with IAM tokens as the configured users (one
 * for the primary, one for the replicas), a break-glass policy to read the master secret, and, where the
 * environment asks for it, a bastion reachable only through SSM Session Manager for port forwarding.
 */
public final class DatabaseAccess extends Construct {


    private final IamPolicy applicationConnect;
    private final Optional<IamPolicy> replicaConnect;
    private final IamPolicy breakGlass;
    private final Optional<Instance> bastion;
    private final ResourceNames names;
    private final String primaryAddress;
    private final String databaseName;
    private final String iamUser;

    public DatabaseAccess(Construct scope, String id, DatabaseAccessProps props) {
        super(scope, id);
        names = props.names();
        primaryAddress = props.database().primary().getAddress();
        databaseName = props.database().config().credentials().databaseName();
        iamUser = props.access().iamDatabaseUsers().get(0);
        List<DatabaseInstance> primary = props.database().instances().stream().filter(i -> !i.replica()).toList();
        List<DatabaseInstance> replicas = props.database().instances().stream().filter(DatabaseInstance::replica).toList();

        applicationConnect = connectPolicy(props, "application-connect", names.name("postgres-connect"), primary, props.proxy());
        replicaConnect = replicas.isEmpty() ? Optional.empty()
                : Optional.of(connectPolicy(props, "replica-connect", names.name("postgres-replicas-connect"), replicas, Optional.empty()));

        breakGlass = new IamPolicy(this, "break-glass", IamPolicyConfig.builder()
                .name(names.name("postgres-break-glass"))
                .description("Operators only: read the " + names.environment() + " master credentials")
                .policy(PolicyStatement.document(this, "break-glass-policy", List.of(
                        PolicyStatement.allow("ReadMasterSecret")
                                .actions("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret")
                                .resources(props.secret().arn()),
                        PolicyStatement.allow("DecryptMasterSecret")
                                .actions("kms:Decrypt")
                                .resources(props.key().arn())
                                .condition("StringEquals", "kms:ViaService", "secretsmanager." + names.region() + ".amazonaws.com"))).getJson())
                .build());

        bastion = props.access().bastion() ? Optional.of(bastion(props)) : Optional.empty();
    }

    /** Through a proxy, its user connects to the proxy only: PostgreSQL refuses that role's IAM logins. */
    private IamPolicy connectPolicy(DatabaseAccessProps props, String id, String name, List<DatabaseInstance> instances,
            Optional<DatabaseProxy> proxy) {
        List<String> direct = props.access().iamDatabaseUsers().stream().filter(user -> proxy.map(p -> !p.user().equals(user)).orElse(true)).toList();
        String[] users = Stream.concat(
                        instances.stream().flatMap(instance -> direct.stream().map(user -> "arn:aws:rds-db:" + props.names().region() + ":"
                                + props.accountId() + ":dbuser:" + instance.resource().getResourceId() + "/" + user)),
                        proxy.stream().map(p -> p.connectResource(props.accountId(), props.names().region())))
                .toArray(String[]::new);
        return new IamPolicy(this, id, IamPolicyConfig.builder()
                .name(name)
                .description("IAM database authentication as " + props.access().iamDatabaseUsers() + " on "
                        + instances.stream().map(DatabaseInstance::identifier).toList())
                // Inline: it names the instances' resource ids, and the instances change in place.
                .policy(PolicyStatement.inlineDocument(List.of(
                        PolicyStatement.allow("ConnectAsApplicationUsers")
                                .actions("rds-db:connect")
                                .resources(users))))
                .build());
    }

    private Instance bastion(DatabaseAccessProps props) {
        ResourceNames names = props.names();
        SecurityGroup group = new SecurityGroup(this, "bastion-security-group", SecurityGroupConfig.builder()
                .name(names.name("bastion"))
                .description("SSM-only bastion: no inbound rules; out to PostgreSQL and HTTPS for SSM")
                .vpcId(props.network().vpcId())
                .tags(Map.of("Name", names.name("bastion")))
                .build());
        TcpRules.allowOut(this, "bastion-to-database", group.getId(), TcpRules.POSTGRES, Peer.group(props.database().securityGroupId()),
                "PostgreSQL to the database security group");
        TcpRules.allowOut(this, "bastion-to-ssm", group.getId(), TcpRules.HTTPS, Peer.cidr("0.0.0.0/0"),
                "HTTPS to Systems Manager (through NAT or VPC endpoints)");
        props.database().allowFrom("from-bastion", Peer.group(group.getId()), "PostgreSQL from the SSM bastion")
                // The rule belonged to this construct before the database owned its rules; moving it keeps deployed
                // environments from creating it anew next to the old one, which AWS refuses as a duplicate.
                .moveFromId("aws_vpc_security_group_ingress_rule.access_database-from-bastion_7B5BC97A");

        IamRole role = new IamRole(this, "bastion-role", IamRoleConfig.builder()
                .name(names.iamRoleName("bastion"))
                .assumeRolePolicy(PolicyStatement.document(this, "bastion-trust", List.of(
                        PolicyStatement.allow("Ec2AssumesRole").service("ec2.amazonaws.com").actions("sts:AssumeRole"))).getJson())
                .build());
        new IamRolePolicyAttachment(this, "bastion-ssm", IamRolePolicyAttachmentConfig.builder()
                .role(role.getName())
                .policyArn("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore")
                .build());
        IamInstanceProfile profile = new IamInstanceProfile(this, "bastion-profile", IamInstanceProfileConfig.builder()
                .name(names.iamRoleName("bastion"))
                .role(role.getName())
                .build());

        return new Instance(this, "bastion", InstanceConfig.builder()
                .ami(props.bastionImage().imageId(this, "bastion-ami"))
                .instanceType("t3.micro")
                // One-minute metrics, and EBS optimization stated rather than left to the instance type's default.
                .monitoring(true)
                .ebsOptimized(true)
                .subnetId(Fn.element(props.network().applicationSubnetIds(), 0).toString())
                .vpcSecurityGroupIds(List.of(group.getId()))
                .iamInstanceProfile(profile.getName())
                .associatePublicIpAddress(false)
                .metadataOptions(InstanceMetadataOptions.builder()
                        .httpEndpoint("enabled")
                        .httpTokens("required")
                        .httpPutResponseHopLimit(1)
                        .build())
                .rootBlockDevice(InstanceRootBlockDevice.builder().encrypted(true).volumeType("gp3").build())
                // The AMI resolves to a new id with every Amazon Linux release; that must not replace the bastion.
                .lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(List.of("ami")).build())
                .tags(Map.of("Name", names.name("bastion")))
                .build());
    }

    public IamPolicy applicationConnect() {
        return applicationConnect;
    }

    public Optional<IamPolicy> replicaConnect() {
        return replicaConnect;
    }

    public IamPolicy breakGlass() {
        return breakGlass;
    }

    public Optional<Instance> bastion() {
        return bastion;
    }

    /** The libpq connection string of the primary for the first IAM user, without a password: pass an IAM token. */
    public String psqlConnectionString() {
        return "host=" + primaryAddress + " port=" + PostgresDatabase.PORT + " dbname=" + databaseName + " user=" + iamUser
                + " sslmode=verify-full sslrootcert=global-bundle.pem";
    }

    /** The command that prints an IAM authentication token (valid 15 minutes) for that user on the primary. */
    public String iamTokenCommand() {
        return "aws rds generate-db-auth-token --region " + names.region() + " --hostname " + primaryAddress + " --port "
                + PostgresDatabase.PORT + " --username " + iamUser;
    }

    /** With a bastion: the command that forwards a local port to the primary through it. */
    public Optional<String> portForwardCommand() {
        return bastion.map(instance -> "aws ssm start-session --region " + names.region() + " --target " + instance.getId()
                + " --document-name AWS-StartPortForwardingSessionToRemoteHost --parameters '{\"host\":[\"" + primaryAddress
                + "\"],\"portNumber\":[\"" + PostgresDatabase.PORT + "\"],\"localPortNumber\":[\"" + PostgresDatabase.PORT + "\"]}'");
    }
}
