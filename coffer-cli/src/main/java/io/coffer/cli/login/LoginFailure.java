package io.coffer.cli.login;

/**
 * A login that did not produce a token; the message follows "Error authenticating: " on stderr, so
 * it must never contain a password, secret ID or token.
 */
final class LoginFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LoginFailure(String message) {
        super(message, null, false, false);
    }
}
