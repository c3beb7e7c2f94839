package com.storefront.platform.config;

/**
 * A configuration value that cannot be deployed, reported at synth time.
 *
 * <p>The message always names the field, the value received and what to do instead; once the
 * environment being built is known, {@link #in(String)} prefixes it.
 */
public final class InvalidConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String environment;

    /**
     * @param field dotted path of the offending field, e.g. {@code network.vpcCidr}
     * @param value the value received
     * @param rule what the value must be, and how to fix it
     */
    public InvalidConfigException(String field, Object value, String rule) {
        this(null, field + " " + rule + ", got " + render(value));
    }

    private InvalidConfigException(String environment, String message) {
        super(environment == null ? message : "environment '" + environment + "': " + message);
        this.environment = environment;
    }

    /** The same error, prefixed with the environment it was found in (once: an inner one wins). */
    public InvalidConfigException in(String environmentName) {
        if (environment != null) {
            return this;
        }
        InvalidConfigException located = new InvalidConfigException(environmentName, getMessage());
        located.setStackTrace(getStackTrace());
        return located;
    }

    private static String render(Object value) {
        return value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
    }
}
