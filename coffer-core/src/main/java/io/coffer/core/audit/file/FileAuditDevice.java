package io.coffer.core.audit.file;

import io.coffer.core.audit.AuditChainStore;
import io.coffer.core.audit.AuditChainVerifier;
import io.coffer.core.audit.AuditDevice;
import io.coffer.core.audit.AuditFormatter;
import io.coffer.core.audit.AuditRecord;
import io.coffer.core.audit.AuditSalt;
import io.coffer.core.audit.ChainHead;
import io.coffer.core.audit.VolumeSpace;
import io.coffer.core.error.ClientText;
import io.coffer.core.error.CofferException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The {@code file} audit device: Vault's JSON lines, hash-chained, group-committed to one file. */
final class FileAuditDevice implements AuditDevice {

    private final AuditSalt salt;
    private final AuditFormatter formatter;
    private final AuditFileWriter writer;
    private final FreeSpaceWarning freeSpace;
    private final Runnable onClose;
    private final AuditChainStore chain;

    FileAuditDevice(FileDeviceOptions options, AuditSalt salt, AuditChainStore chain, Clock clock, Runnable onClose) {
        this.salt = salt;
        this.formatter = new AuditFormatter(salt, options.format());
        this.writer = new AuditFileWriter(options.filePath(), options.maxFileSize(), options.mode(), clock,
                options.durability(), chain);
        this.freeSpace = new FreeSpaceWarning(options.filePath(), options.freeSpaceWarn());
        this.chain = chain;
        this.onClose = onClose;
    }

    Path path() {
        return writer.path();
    }

    @Override
    public CompletableFuture<Void> record(AuditRecord record) {
        byte[] line = formatter.format(record);
        freeSpace.recorded(line.length);
        return writer.append(line);
    }

    @Override
    public CompletableFuture<Void> recordAll(List<AuditRecord> records) {
        List<byte[]> lines = records.stream().map(formatter::format).toList();
        long bytes = 0;
        for (byte[] line : lines) {
            bytes += line.length;
        }
        freeSpace.recorded(bytes);
        return writer.append(lines);
    }

    @Override
    public Optional<VolumeSpace> volumeSpace() {
        return freeSpace.space();
    }

    @Override
    public String hash(String input) {
        return salt.hash(input);
    }

    @Override
    public void checkReady() {
        IOException failure = writer.openFailure().orElse(null);
        if (failure != null) {
            throw CofferException.invalid("cannot open audit file " + ClientText.quote(writer.path().toString()) + ": "
                    + ClientText.escape(describe(failure)));
        }
    }

    @Override
    public AuditChainVerifier.Result verifyChain() {
        return ChainFileVerification.verify(writer, chain);
    }

    @Override
    public Optional<ChainHead> writtenHead() {
        return writer.writtenHead();
    }

    @Override
    public CompletableFuture<Void> rotate() {
        return writer.rotate();
    }

    @Override
    public void close() {
        try {
            writer.close();
        } finally {
            onClose.run();
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fse) {
            return fse.getReason() != null ? fse.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
