package io.coffer.server;

/**
 * Opens the suite's package-private helpers to compatibility tests in sub-packages: the dev server
 * and the registry of secrets that {@link ServerLogHasNoSecretsTest} searches the log for.
 */
public final class SuiteAccess {

    public static final String ROOT_TOKEN = DevServer.ROOT_TOKEN;

    private SuiteAccess() {
    }

    public static CofferServer startDevServer() {
        return DevServer.start();
    }

    /** Registers a value the test sent so the log scan looks for it; returns it for inline use. */
    public static String registerSecret(String value) {
        return SuiteSecrets.register(value);
    }
}
