package io.coffer.cli.client;

/** The request never got an HTTP answer: connection refused, TLS failure, timeout. */
public final class TransportException extends ClientException {

    private static final long serialVersionUID = 1L;

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
