package io.coffer.server.config;

/** A setting is missing, invalid or conflicts with another; the message says which and how to fix it. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
