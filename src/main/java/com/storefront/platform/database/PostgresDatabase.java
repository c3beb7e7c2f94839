package com.storefront.platform.database;

import com.hashicorp.cdktf.providers.aws.db_subnet_group.DbSubnetGroup;
import com.hashicorp.cdktf.providers.aws.db_subnet_group.DbSubnetGroupConfig;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupConfig;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRuleConfig;
import com.storefront.platform.support.ResourceNames;
import java.util.Map;
import software.constructs.Construct;

/**
 * The PostgreSQL service of one environment, placed in the isolated database subnets and reachable
 * only on port 5432 from members of the application security group: no CIDR range is ever allowed in.
 */
public final class PostgresDatabase extends Construct {

    public static final int PORT = 5432;

    private final DbSubnetGroup subnetGroup;
    private final SecurityGroup securityGroup;

    public PostgresDatabase(Construct scope, String id, PostgresDatabaseProps props) {
        super(scope, id);
        ResourceNames names = props.names();

        subnetGroup = new DbSubnetGroup(this, "subnet-group", DbSubnetGroupConfig.builder()
                .namePrefix(names.name("postgres-"))
                .description("Isolated database subnets of " + names.environment())
                .subnetIds(props.databaseSubnetIds())
                .build());

        securityGroup = new SecurityGroup(this, "security-group", SecurityGroupConfig.builder()
                .name(names.name("postgres"))
                .description("PostgreSQL in " + names.environment() + ": reachable from the application security group only")
                .vpcId(props.vpcId())
                .tags(Map.of("Name", names.name("postgres")))
                .build());
        new VpcSecurityGroupIngressRule(this, "from-application", VpcSecurityGroupIngressRuleConfig.builder()
                .securityGroupId(securityGroup.getId())
                .description("PostgreSQL from the application security group")
                .ipProtocol("tcp")
                .fromPort(PORT)
                .toPort(PORT)
                .referencedSecurityGroupId(props.applicationSecurityGroupId())
                .build());
    }

    public DbSubnetGroup subnetGroup() {
        return subnetGroup;
    }

    public SecurityGroup securityGroup() {
        return securityGroup;
    }
}
