package io.coffer.cli.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The token helper file, {@code ~/.coffer-token}: where {@code coffer login} leaves the token so
 * later commands can use it, like the vault CLI's {@code ~/.vault-token}. The file holds the bare
 * token and is readable by its owner only (mode 0600).
 *
 * <p>The home directory comes from {@code HOME} (then {@code USERPROFILE} on Windows) in the given
 * {@link Environment}, never from the JVM's {@code user.home}, so an in-process run with a chosen
 * environment cannot pick up the real user's token by accident.
 */
public final class TokenFile {

    /** The file's name inside the home directory. */
    public static final String FILE_NAME = ".coffer-token";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path path;

    public TokenFile(Path path) {
        this.path = path;
    }

    /** The token file in the home directory {@code environment} names, or empty when it names none. */
    public static Optional<TokenFile> inHomeOf(Environment environment) {
        return environment.first("HOME", "USERPROFILE").map(home -> new TokenFile(Path.of(home).resolve(FILE_NAME)));
    }

    public Path path() {
        return path;
    }

    /**
     * The stored token, without surrounding whitespace; empty when there is no file or it is blank.
     *
     * @throws ClientConfigurationException when the file exists but cannot be read; the message
     *         names the file, never its contents
     */
    public Optional<String> read() {
        try {
            String token = Files.readString(path, StandardCharsets.UTF_8).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ClientConfigurationException("failed to get token from token helper: could not read " + path + ": " + reason(e), e);
        }
    }

    /**
     * Replaces the stored token. The token is written to a fresh owner-only file next to the
     * target and then renamed over it, so the file is never readable by others, not even briefly,
     * and an interrupted write leaves the previous token intact.
     *
     * @throws IOException when the file cannot be written; the message names the file and the
     *         reason, never the token
     */
    public void store(String token) throws IOException {
        Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temporary);
            createOwnerOnly(temporary);
            Files.writeString(temporary, token, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IOException("could not write " + path + ": " + reason(e), e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // Best effort: the temporary file is owner-only, and the next store replaces it.
            }
        }
    }

    /** Why an operation on the file failed, in the words the vault CLI's Go errors use. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the user profile's ACL, which already keeps others out.
            Files.createFile(file);
        }
    }
}
