package com.storefront.platform.database;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.providers.aws.db_proxy.DbProxy;
import com.hashicorp.cdktf.providers.aws.db_proxy.DbProxyAuth;
import com.hashicorp.cdktf.providers.aws.db_proxy.DbProxyConfig;
import com.hashicorp.cdktf.providers.aws.db_proxy_default_target_group.DbProxyDefaultTargetGroup;
import com.hashicorp.cdktf.providers.aws.db_proxy_default_target_group.DbProxyDefaultTargetGroupConfig;
import com.hashicorp.cdktf.providers.aws.db_proxy_default_target_group.DbProxyDefaultTargetGroupConnectionPoolConfig;
import com.hashicorp.cdktf.providers.aws.db_proxy_target.DbProxyTarget;
import com.hashicorp.cdktf.providers.aws.db_proxy_target.DbProxyTargetConfig;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRoleConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicyConfig;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret_version.SecretsmanagerSecretVersion;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupConfig;
import com.storefront.platform.aws.Peer;
import com.storefront.platform.aws.PolicyStatement;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.aws.TcpRules;
import com.storefront.platform.config.AlarmThresholds;
import com.storefront.platform.config.ProxyConfig;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * An RDS Proxy pooling connections to the primary (only: RDS for PostgreSQL proxies serve the writer, never the read
 * replicas), listening in the application subnets with TLS required and a security group of its own: in from the
 * application group, which it lets out towards it, and out to the database, which lets it in.
 *
 * <p>Applications authenticate to the proxy with IAM tokens as {@code user}; the proxy logs in to PostgreSQL as that
 * role with a password it reads from a secret of its own, encrypted with the environment's key and written once
 * through write-only attributes, so no value reaches Terraform state. PostgreSQL refuses password logins of roles
 * granted {@code rds_iam}, so the proxied role is the one database role that logs in by password; the database
 * roles script ({@code DatabaseRoles}) sets that password from the secret and leaves {@code rds_iam} off it.
 */
public final class DatabaseProxy extends Construct {

    /** What RDS Proxy calls PostgreSQL. */
    static final String ENGINE_FAMILY = "POSTGRESQL";

    /** RDS's event categories for a proxy: it failed (or cannot scale), was changed, or was deleted. */
    static final List<String> PROXY_EVENTS = List.of("configuration change", "deletion", "failure");

    private final DbProxy proxy;
    private final String secretArn;
    private final SecretsmanagerSecretVersion credentials;
    private final String user;

    public DatabaseProxy(Construct scope, String id, DatabaseProxyProps props) {
        super(scope, id);
        ResourceNames names = props.names();
        String name = names.name("postgres-proxy");
        user = props.user();
        boolean protect = props.database().config().protect();

        String groupId = new SecurityGroup(this, "security-group", SecurityGroupConfig.builder()
                .name(name)
                .description("RDS Proxy of " + names.environment() + ": in from the application security group, out to PostgreSQL")
                .vpcId(props.network().vpcId())
                .tags(Map.of("Name", name))
                .build()).getId();
        TcpRules.allowIn(this, "from-application", groupId, TcpRules.POSTGRES, Peer.group(props.network().applicationSecurityGroupId()),
                "PostgreSQL from the application security group");
        // The network stack lets the application group out only towards the database subnets, and Terraform strips a new
        // group's allow-all egress: without this rule the proxy, which listens in the application subnets, is unreachable.
        TcpRules.allowOut(this, "application-to-proxy", props.network().applicationSecurityGroupId(), TcpRules.POSTGRES, Peer.group(groupId),
                "PostgreSQL to the RDS Proxy");
        TcpRules.allowOut(this, "to-database", groupId, TcpRules.POSTGRES, Peer.group(props.database().securityGroupId()),
                "PostgreSQL to the database security group");
        props.database().allowFrom("from-proxy", Peer.group(groupId), "PostgreSQL from the RDS Proxy");

        WriteOnlySecret secret = WriteOnlySecret.declare(this, "credentials", names.project() + "/" + names.environment() + "/postgres/proxy",
                "Credentials the " + names.environment() + " RDS Proxy logs in to PostgreSQL with, as " + user, props.key(), protect,
                "jsonencode({username = \"" + user + "\", password = " + props.password().expression() + "})", 1);
        secretArn = secret.secret().getArn();
        credentials = secret.version();

        IamRole role = new IamRole(this, "role", IamRoleConfig.builder()
                .name(names.iamRoleName("postgres-proxy"))
                .assumeRolePolicy(PolicyStatement.document(this, "trust", List.of(
                        PolicyStatement.allow("RdsProxyAssumesRole").service("rds.amazonaws.com").actions("sts:AssumeRole"))).getJson())
                .build());
        new IamRolePolicy(this, "read-secret", IamRolePolicyConfig.builder()
                .name("read-" + name + "-secret")
                .role(role.getId())
                .policy(PolicyStatement.document(this, "read-secret-policy", List.of(
                        PolicyStatement.allow("ReadProxySecret")
                                .actions("secretsmanager:GetSecretValue")
                                .resources(secretArn),
                        props.key().decryptThroughService("DecryptProxySecret", "secretsmanager"))).getJson())
                .build());

        proxy = new DbProxy(this, "proxy", DbProxyConfig.builder()
                .name(name)
                .engineFamily(ENGINE_FAMILY)
                .requireTls(true)
                .idleClientTimeout(props.pool().idleClientTimeoutSeconds())
                .roleArn(role.getArn())
                .vpcSubnetIds(props.network().applicationSubnetIds())
                .vpcSecurityGroupIds(List.of(groupId))
                .debugLogging(false)
                .auth(List.of(DbProxyAuth.builder()
                        .authScheme("SECRETS")
                        .secretArn(secretArn)
                        .iamAuth("REQUIRED")
                        .description("Applications connect with IAM tokens as " + user)
                        .build()))
                .build());

        ProxyConfig pool = props.pool();
        DbProxyDefaultTargetGroup targetGroup = new DbProxyDefaultTargetGroup(this, "pool", DbProxyDefaultTargetGroupConfig.builder()
                .dbProxyName(proxy.getName())
                .connectionPoolConfig(DbProxyDefaultTargetGroupConnectionPoolConfig.builder()
                        .maxConnectionsPercent(pool.maxConnectionsPercent())
                        .maxIdleConnectionsPercent(pool.maxIdleConnectionsPercent())
                        .connectionBorrowTimeout(pool.connectionBorrowTimeoutSeconds())
                        .build())
                .build());
        DbProxyTarget target = new DbProxyTarget(this, "primary", DbProxyTargetConfig.builder()
                .dbProxyName(proxy.getName())
                .targetGroupName(targetGroup.getName())
                .dbInstanceIdentifier(props.database().primary().getIdentifier())
                .build());

        // Writers connect through the proxy alone: its failures (no free addresses to scale in, say) page like the
        // primary's own, and so does a primary it cannot log in to, which no RDS event reports.
        props.alerts().subscribe("proxy-events", "postgres-proxy-events", "db-proxy", List.of(name), PROXY_EVENTS, List.of(proxy));
        props.alerts().alarm(unavailableAlarm(name, props.alarms()),
                Map.of("ProxyName", name, "TargetGroup", "default", "TargetRole", "READ_WRITE"), target);
    }

    /**
     * The proxy's health checks of the primary, in its {@code READ_WRITE} role: below 100% on average for the
     * environment's alarm window, some node of the proxy could not reach or log in to the primary, and writers
     * connecting through it fail. The metric appears once a client first connected through the proxy; until then the
     * alarm has no data and stays silent.
     */
    static AlarmSpec unavailableAlarm(String proxyName, AlarmThresholds t) {
        return new AlarmSpec(proxyName + "-unavailable", "AvailabilityPercentage", "Average", "LessThanThreshold", 100, "ignore",
                "RDS Proxy " + proxyName + " could not reach or log in to the primary for " + t.evaluationPeriods() * t.periodSeconds() / 60
                        + " minutes: writers connecting through it fail. Run aws rds describe-db-proxy-targets --db-proxy-name "
                        + proxyName + ": AUTH_FAILURE means the role's password differs from the proxy's secret (run the database"
                        + " roles script again); UNREACHABLE or CONNECTION_FAILED, the primary's state or security group.",
                t.periodSeconds(), t.evaluationPeriods());
    }

    /** The proxy's endpoint, where writers connect instead of the primary's. */
    public String endpoint() {
        return proxy.getEndpoint();
    }

    /** The role applications connect to the proxy as. */
    public String user() {
        return user;
    }

    /** The secret holding the proxied role's password: the database roles script reads it to set that password. */
    public String secretArn() {
        return secretArn;
    }

    /** The proxy's credentials as written: the roles script sets the role's password from them once they exist. */
    SecretsmanagerSecretVersion credentials() {
        return credentials;
    }

    /**
     * The {@code rds-db:connect} resource for connecting to the proxy as {@code user}: IAM names a proxy by its
     * resource id, the {@code prx-} last part of its ARN.
     */
    String connectResource(String accountId, String region) {
        return "arn:aws:rds-db:" + region + ":" + accountId + ":dbuser:" + Fn.element(Fn.split(":", proxy.getArn()), 6) + "/" + user;
    }
}
