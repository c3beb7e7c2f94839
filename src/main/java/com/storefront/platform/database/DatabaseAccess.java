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
import com.storefront.platform.config.DatabaseRole;
import com.storefront.platform.deployment.StateMoves;
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

    /** The SSM-only bastion, and the role it runs as. */
    public record Bastion(Instance instance, IamRole role) {
    }

    /**
     * What verifies an instance's certificate: the RDS CAs, all regions
     * (https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem).
     */
    static final String INSTANCE_CA_BUNDLE = "global-bundle.pem";

    /**
     * What verifies the RDS Proxy's certificate, which ACM issues and no RDS CA signs: Amazon Root CA 1
     * (https://www.amazontrust.com/repository/AmazonRootCA1.pem).
     */
    static final String PROXY_CA_BUNDLE = "AmazonRootCA1.pem";

    private final IamPolicy applicationConnect;
    private final Optional<IamPolicy> replicaConnect;
    private final IamPolicy breakGlass;
    private final Optional<Bastion> bastion;
    private final ResourceNames names;
    private final String primaryAddress;
    private final String writerAddress;
    private final String writerCaBundle;
    private final String databaseName;
    private final String applicationRole;

    public DatabaseAccess(Construct scope, String id, DatabaseAccessProps props) {
        super(scope, id);
        names = props.names();
        primaryAddress = props.database().primary().getAddress();
        writerAddress = props.proxy().map(DatabaseProxy::endpoint).orElse(props.database().primary().getAddress());
        writerCaBundle = props.proxy().isPresent() ? PROXY_CA_BUNDLE : INSTANCE_CA_BUNDLE;
        databaseName = props.database().config().credentials().databaseName();
        applicationRole = props.access().applicationRole().name();
        List<DatabaseInstance> primary = props.database().instances().stream().filter(i -> !i.replica()).toList();
        List<DatabaseInstance> replicas = props.database().instances().stream().filter(DatabaseInstance::replica).toList();

        // PostgreSQL refuses IAM logins of the role the proxy logs in as: it connects through the proxy only.
        List<String> iamRoles = props.access().roles().stream().map(DatabaseRole::name)
                .filter(role -> props.proxy().map(proxy -> !proxy.user().equals(role)).orElse(true)).toList();
        applicationConnect = connectPolicy(props, "application-connect", names.name("postgres-connect"), primary, iamRoles,
                props.proxy().map(proxy -> proxy.connectResource(props.accountId(), names.region())).stream().toList());
        replicaConnect = replicas.isEmpty() ? Optional.empty()
                : Optional.of(connectPolicy(props, "replica-connect", names.name("postgres-replicas-connect"), replicas, iamRoles, List.of()));

        breakGlass = new IamPolicy(this, "break-glass", IamPolicyConfig.builder()
                .name(names.name("postgres-break-glass"))
                .description("Operators only: read the " + names.environment() + " master credentials")
                .policy(PolicyStatement.document(this, "break-glass-policy", List.of(
                        PolicyStatement.allow("ReadMasterSecret")
                                .actions("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret")
                                .resources(props.secret().arn()),
                        props.key().decryptThroughService("DecryptMasterSecret", "secretsmanager"))).getJson())
                .build());

        bastion = props.access().bastion() ? Optional.of(bastion(props)) : Optional.empty();
    }

    /** {@code rds-db:connect} as each of {@code roles} on each of {@code instances}, and on {@code proxies}. */
    private IamPolicy connectPolicy(DatabaseAccessProps props, String id, String name, List<DatabaseInstance> instances, List<String> roles,
            List<String> proxies) {
        String[] users = Stream.concat(
                        instances.stream().flatMap(instance -> roles.stream().map(role -> "arn:aws:rds-db:" + props.names().region() + ":"
                                + props.accountId() + ":dbuser:" + instance.resource().getResourceId() + "/" + role)),
                        proxies.stream())
                .toArray(String[]::new);
        return new IamPolicy(this, id, IamPolicyConfig.builder()
                .name(name)
                .description("IAM database authentication as " + roles + " on " + instances.stream().map(DatabaseInstance::identifier).toList()
                        + (proxies.isEmpty() ? "" : " and through the RDS Proxy"))
                // A new description replaces a policy, which IAM refuses while roles have it attached: it says what the
                // policy allowed when it was created, and the document below says what it allows now.
                .lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(List.of("description")).build())
                // Inline: it names the instances' resource ids, and the instances change in place.
                .policy(PolicyStatement.inlineDocument(List.of(
                        PolicyStatement.allow("ConnectAsApplicationUsers")
                                .actions("rds-db:connect")
                                .resources(users))))
                .build());
    }

    private Bastion bastion(DatabaseAccessProps props) {
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
        // The rule belonged to this construct before the database owned its rules; moving it keeps deployed
        // environments from creating it anew next to the old one, which AWS refuses as a duplicate.
        StateMoves.movedFrom("aws_vpc_security_group_ingress_rule.access_database-from-bastion_7B5BC97A",
                props.database().allowFrom("from-bastion", Peer.group(group.getId()), "PostgreSQL from the SSM bastion"));

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

        return new Bastion(new Instance(this, "bastion", InstanceConfig.builder()
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
                .build()), role);
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

    public Optional<Bastion> bastion() {
        return bastion;
    }

    /**
     * The libpq connection string for the application's role on the writer (the RDS Proxy where there is one, else the
     * primary), without a password: pass an IAM token. It verifies the writer's certificate against the CA that signs it:
     * {@link #PROXY_CA_BUNDLE} for the proxy, {@link #INSTANCE_CA_BUNDLE} for an instance.
     */
    public String psqlConnectionString() {
        return "host=" + writerAddress + " port=" + PostgresDatabase.PORT + " dbname=" + databaseName + " user=" + applicationRole
                + " sslmode=verify-full sslrootcert=" + writerCaBundle;
    }

    /** The command that prints an IAM authentication token (valid 15 minutes) for that role on the writer. */
    public String iamTokenCommand() {
        return "aws rds generate-db-auth-token --region " + names.region() + " --hostname " + writerAddress + " --port "
                + PostgresDatabase.PORT + " --username " + applicationRole;
    }

    /** With a bastion: the command that forwards a local port to the primary through it. */
    public Optional<String> portForwardCommand() {
        return bastion.map(b -> "aws ssm start-session --region " + names.region() + " --target " + b.instance().getId()
                + " --document-name AWS-StartPortForwardingSessionToRemoteHost --parameters '{\"host\":[\"" + primaryAddress
                + "\"],\"portNumber\":[\"" + PostgresDatabase.PORT + "\"],\"localPortNumber\":[\"" + PostgresDatabase.PORT + "\"]}'");
    }
}
