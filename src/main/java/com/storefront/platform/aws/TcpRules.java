package com.storefront.platform.aws;

import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRule;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRuleConfig;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRuleConfig;
import software.constructs.Construct;

/**
 * Single-port TCP rules as separate resources ({@code aws_vpc_security_group_*_rule}), never inline
 * blocks, so that rules added by another construct or stack do not fight over the group.
 */
public final class TcpRules {

    public static final int POSTGRES = 5432;
    public static final int HTTPS = 443;

    private TcpRules() {
    }

    /** Lets {@code from} reach members of {@code securityGroupId} on {@code port}. */
    public static VpcSecurityGroupIngressRule allowIn(Construct scope, String id, String securityGroupId, int port, Peer from, String description) {
        VpcSecurityGroupIngressRuleConfig.Builder rule = VpcSecurityGroupIngressRuleConfig.builder()
                .securityGroupId(securityGroupId)
                .description(description)
                .ipProtocol("tcp")
                .fromPort(port)
                .toPort(port);
        if (from instanceof Peer.Group group) {
            rule.referencedSecurityGroupId(group.securityGroupId());
        } else if (from instanceof Peer.Cidr cidr) {
            rule.cidrIpv4(cidr.cidrIpv4());
        }
        return new VpcSecurityGroupIngressRule(scope, id, rule.build());
    }

    /** Lets members of {@code securityGroupId} reach {@code to} on {@code port}. */
    public static VpcSecurityGroupEgressRule allowOut(Construct scope, String id, String securityGroupId, int port, Peer to, String description) {
        VpcSecurityGroupEgressRuleConfig.Builder rule = VpcSecurityGroupEgressRuleConfig.builder()
                .securityGroupId(securityGroupId)
                .description(description)
                .ipProtocol("tcp")
                .fromPort(port)
                .toPort(port);
        if (to instanceof Peer.Group group) {
            rule.referencedSecurityGroupId(group.securityGroupId());
        } else if (to instanceof Peer.Cidr cidr) {
            rule.cidrIpv4(cidr.cidrIpv4());
        }
        return new VpcSecurityGroupEgressRule(scope, id, rule.build());
    }
}
