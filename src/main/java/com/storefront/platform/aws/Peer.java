package com.storefront.platform.aws;

/** The other side of a security group rule: another group's members, or an address range. */
public sealed interface Peer {

    /** Members of a security group: the only kind of peer a database port is ever opened to. */
    record Group(String securityGroupId) implements Peer {
    }

    /** An IPv4 range, for HTTPS to AWS APIs and for traffic inside the VPC. */
    record Cidr(String cidrIpv4) implements Peer {
    }

    static Group group(String securityGroupId) {
        return new Group(securityGroupId);
    }

    static Cidr cidr(String cidrIpv4) {
        return new Cidr(cidrIpv4);
    }
}
