package com.storefront.platform.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 network in CIDR notation, such as {@code 10.20.0.0/16}.
 *
 * <p>Only canonical network addresses are accepted: {@code 10.20.1.0/16} is rejected because AWS would
 * silently treat it as {@code 10.20.0.0/16}, which is rarely what was meant.
 *
 * @param network the network address as an unsigned 32-bit value
 * @param prefixLength the number of leading network bits, 0..32
 */
public record Ipv4Cidr(long network, int prefixLength) {

    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    public Ipv4Cidr {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length must be 0..32, got " + prefixLength);
        }
        if ((network & ~mask(prefixLength)) != 0) {
            throw new IllegalArgumentException("host bits set in network address " + format(network) + "/" + prefixLength);
        }
    }

    /**
     * Parses {@code a.b.c.d/n}.
     *
     * @param field the config field the text comes from, named in the error
     * @throws InvalidConfigException when the text is not a canonical IPv4 CIDR block
     */
    public static Ipv4Cidr parse(String field, String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new InvalidConfigException(field, text, "must be an IPv4 CIDR block like 10.20.0.0/16");
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw new InvalidConfigException(field, text, "must have octets 0..255");
            }
            address = (address << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32) {
            throw new InvalidConfigException(field, text, "must have a prefix length 0..32");
        }
        if ((address & ~mask(prefix)) != 0) {
            throw new InvalidConfigException(field, text,
                    "must be a network address; did you mean " + format(address & mask(prefix)) + "/" + prefix + "?");
        }
        return new Ipv4Cidr(address, prefix);
    }

    /** Whether {@code other} lies entirely inside this block. */
    public boolean contains(Ipv4Cidr other) {
        return other.prefixLength >= prefixLength && (other.network & mask(prefixLength)) == network;
    }

    /** Whether the two blocks share at least one address. */
    public boolean overlaps(Ipv4Cidr other) {
        return contains(other) || other.contains(this);
    }

    /**
     * The {@code index}-th block of {@code newPrefixLength} inside this one, as Terraform's
     * {@code cidrsubnet} computes it.
     */
    public Ipv4Cidr subnet(int newPrefixLength, int index) {
        int extraBits = newPrefixLength - prefixLength;
        if (extraBits < 0 || newPrefixLength > 32 || index < 0 || index >= (1L << extraBits)) {
            throw new IllegalArgumentException("no subnet /" + newPrefixLength + " number " + index + " in " + this);
        }
        return new Ipv4Cidr(network | ((long) index << (32 - newPrefixLength)), newPrefixLength);
    }

    @Override
    public String toString() {
        return format(network) + "/" + prefixLength;
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    private static String format(long address) {
        return (address >>> 24 & 0xFF) + "." + (address >>> 16 & 0xFF) + "." + (address >>> 8 & 0xFF) + "." + (address & 0xFF);
    }
}
