package io.coffer.core.audit.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.core.audit.AuditChain;
import io.coffer.core.audit.AuditChainStore;
import io.coffer.core.audit.AuditChainVerifier;
import io.coffer.core.audit.ChainHead;
import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies a live file device's chain ({@code sys/audit-verify}): its files, found by following
 * each file's {@code previous_file} back from the current one to the device's first file, are
 * checked with the chain key against the stored head, up to the last line the writer wrote, which
 * the current file must still end with. Reads files while the writer appends; the writer's head
 * bounds what is read, so a batch being written is never half read.
 */
final class ChainFileVerification {

    /** A chain of rotated files longer than this is not followed further back (the first file is then not checked). */
    private static final int MAX_FILES = 100_000;
    private static final int MAX_START_LINE = 64 * 1024;

    private ChainFileVerification() {
    }

    static AuditChainVerifier.Result verify(AuditFileWriter writer, AuditChainStore chain) {
        Path path = writer.path();
        for (int attempt = 0; attempt < 3; attempt++) {
            ChainHead written = writer.writtenHead().orElseThrow(() -> CofferException.invalid(
                    "the audit device has not written its file yet (cannot open " + path.getFileName() + ")"));
            if (!Objects.equals(written.fileId(), fileId(path))) {
                continue;
            }
            AuditChainVerifier.Result result;
            try {
                List<AuditChainVerifier.Source> sources = new ArrayList<>();
                for (Path earlier : earlierFiles(path)) {
                    sources.add(AuditChainVerifier.Source.whole(earlier));
                }
                sources.add(new AuditChainVerifier.Source(path, 0, written.offset()));
                result = AuditChainVerifier.verifySources(sources, chain.key(), chain.storedHead());
            } catch (IOException e) {
                throw CofferException.invalid("cannot read the audit files of the device: " + e.getClass().getSimpleName());
            }
            if (!Objects.equals(written.fileId(), fileId(path))) {
                continue; // rotated while we read: read again
            }
            if (result.intact() && !endsAt(result.end(), written)) {
                return new AuditChainVerifier.Result(result.files(), result.lines(), result.continuesEarlier(),
                        Optional.of(new AuditChainVerifier.Failure(path, 0, "the file does not end with the last line"
                                + " the device wrote (segment " + written.segment() + " line " + written.records()
                                + "): lines were cut from its end or replaced")),
                        true, result.end(), result.headChecked());
            }
            return result;
        }
        throw new CofferException(CofferException.Kind.UNAVAILABLE, "the audit file kept rotating during verification; try again");
    }

    private static boolean endsAt(ChainHead end, ChainHead written) {
        return end.segment() == written.segment() && end.records() == written.records()
                && MessageDigest.isEqual(end.last().getBytes(StandardCharsets.US_ASCII),
                        written.last().getBytes(StandardCharsets.US_ASCII));
    }

    /** The files before {@code current}, oldest first, as named by each file's chain_start record. */
    private static List<Path> earlierFiles(Path current) throws IOException {
        Deque<Path> files = new ArrayDeque<>();
        Set<Path> seen = new HashSet<>();
        seen.add(current);
        Path file = current;
        while (files.size() < MAX_FILES) {
            Optional<Path> previous = previousFile(file);
            if (previous.isEmpty() || !seen.add(previous.get()) || !Files.isRegularFile(previous.get())) {
                break;
            }
            files.addFirst(previous.get());
            file = previous.get();
        }
        return List.copyOf(files);
    }

    /**
     * The file a file's chain_start record continues, next to it; empty for the device's first
     * file (reason {@code created}: what it names was not written under this key).
     */
    private static Optional<Path> previousFile(Path file) throws IOException {
        JsonNode start;
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b; (b = in.read()) != -1 && b != '\n' && line.size() < MAX_START_LINE;) {
                line.write(b);
            }
            start = Json.MAPPER.readTree(line.toByteArray());
        } catch (IOException e) {
            return Optional.empty();
        }
        if (start == null || !AuditChain.START_TYPE.equals(start.path("type").asText())) {
            return Optional.empty();
        }
        JsonNode chain = start.path("chain");
        String name = chain.path("previous_file").asText("");
        if (name.isEmpty() || AuditChain.CREATED.equals(chain.path("reason").asText())) {
            return Optional.empty();
        }
        // The file's content is not trusted: only a plain name next to the file is followed.
        Path named = Path.of(name).getFileName();
        if (named == null || !named.toString().equals(name) || name.equals("..") || name.equals(".")) {
            return Optional.empty();
        }
        return Optional.of(file.resolveSibling(name));
    }

    private static String fileId(Path file) {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key == null ? null : key.toString();
        } catch (IOException e) {
            return null;
        }
    }
}
