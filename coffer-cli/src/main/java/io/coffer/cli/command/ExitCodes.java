package io.coffer.cli.command;

/**
 * The vault CLI's exit codes, which scripts written for Vault rely on.
 *
 * <p>Commands with a status to report use 2 as "no" instead ({@code operator status} exits 2 when
 * sealed, {@code operator init -status} when not initialized) and then report errors as 1.
 */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** A local problem: bad flags or arguments, an unreadable file, a missing field. */
    public static final int LOCAL_ERROR = 1;
    /** The server refused or could not be reached, or the client could not be set up. */
    public static final int REMOTE_ERROR = 2;

    private ExitCodes() {
    }
}
