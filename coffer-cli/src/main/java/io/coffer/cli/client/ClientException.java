package io.coffer.cli.client;

/**
 * Anything that kept a request from producing a usable answer. Messages are meant for the user's
 * terminal as they are; they never include the token or request bodies.
 */
public abstract sealed class ClientException extends RuntimeException
        permits ApiException, TransportException, ClientConfigurationException {

    private static final long serialVersionUID = 1L;

    protected ClientException(String message) {
        super(message);
    }

    protected ClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
