package io.oregrid.node.config;

/** A configuration value is missing or out of range; the node refuses to start with this message. */
public final class ConfigException extends RuntimeException {
    /** @param message names the key (as its {@code ORE_*} variable) and what was wrong with it */
    public ConfigException(String message) {
        super(message);
    }
}
