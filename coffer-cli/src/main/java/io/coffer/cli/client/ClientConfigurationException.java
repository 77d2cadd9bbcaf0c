package io.coffer.cli.client;

/** The client could not be set up: a malformed address, an unreadable CA bundle, a bad setting. */
public final class ClientConfigurationException extends ClientException {

    private static final long serialVersionUID = 1L;

    public ClientConfigurationException(String message) {
        super(message);
    }

    public ClientConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
