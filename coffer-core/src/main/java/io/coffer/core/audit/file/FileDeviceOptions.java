package io.coffer.core.audit.file;

import io.coffer.core.audit.AuditFormatOptions;
import io.coffer.core.error.ClientText;
import io.coffer.core.error.CofferException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options of a {@code file} audit device.
 *
 * @param filePath    the audit file; rotated files are written next to it
 * @param mode        permissions of a file the device creates (Vault's {@code mode}, default
 *                    {@code 0600}); null for {@code 0000}, which leaves them alone
 * @param maxFileSize rotate when the file reaches this many bytes; 0 (default) for never
 * @param durability  when a record counts as recorded (Coffer's {@code durability}: {@code write},
 *                    the default, or {@code fsync})
 * @param format      the common formatting options
 * @param freeSpaceWarn warn when the file's volume has less free space than this (Coffer's
 *                    {@code free_space_warn}, default 10%)
 */
record FileDeviceOptions(Path filePath, Set<PosixFilePermission> mode, long maxFileSize,
        AuditFileWriter.Durability durability, AuditFormatOptions format, FreeSpaceThreshold freeSpaceWarn) {

    private static final Set<String> OWN = Set.of("file_path", "mode", "max_file_size", "durability", "format", "prefix",
            "free_space_warn");

    static FileDeviceOptions parse(Map<String, String> options) {
        for (String name : options.keySet()) {
            if (!OWN.contains(name) && !AuditFormatOptions.NAMES.contains(name)) {
                TreeSet<String> supported = new TreeSet<>(OWN);
                supported.remove("prefix");
                supported.addAll(AuditFormatOptions.NAMES);
                throw CofferException.invalid("unknown option " + ClientText.quote(name) + " for a file audit device; supported: "
                        + String.join(", ", supported));
            }
        }
        String file = options.getOrDefault("file_path", "").trim();
        if (file.isEmpty()) {
            throw CofferException.invalid("option \"file_path\" is required for a file audit device");
        }
        if (file.equals("stdout") || file.equals("discard")) {
            throw CofferException.invalid("file_path " + ClientText.quote(file) + " is not supported by Coffer: audit records must be"
                    + " durable and hash-chained; give a file path");
        }
        Path path;
        try {
            path = Path.of(file).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw CofferException.invalid("option \"file_path\" is not a valid path");
        }
        String format = options.getOrDefault("format", "json");
        if (!format.equals("json")) {
            throw CofferException.invalid("option \"format\" must be \"json\": Coffer writes JSON lines only");
        }
        if (!options.getOrDefault("prefix", "").isEmpty()) {
            throw CofferException.invalid(
                    "option \"prefix\" is not supported: it would break the JSON lines and their hash chain");
        }
        return new FileDeviceOptions(path, mode(options.getOrDefault("mode", "0600")), maxFileSize(options.get("max_file_size")),
                durability(options.getOrDefault("durability", "write")), AuditFormatOptions.parse(options),
                FreeSpaceThreshold.parse(options.get("free_space_warn")));
    }

    private static AuditFileWriter.Durability durability(String text) {
        return switch (text.trim()) {
            case "write" -> AuditFileWriter.Durability.WRITE;
            case "fsync" -> AuditFileWriter.Durability.FSYNC;
            default -> throw CofferException.invalid("option \"durability\" must be \"write\" (acknowledge once written;"
                    + " survives a crash of the server) or \"fsync\" (acknowledge once on disk; survives power loss)");
        };
    }

    private static Set<PosixFilePermission> mode(String text) {
        int bits;
        try {
            bits = Integer.parseInt(text.trim(), 8);
        } catch (NumberFormatException e) {
            throw CofferException.invalid("option \"mode\" must be octal permissions such as 0600");
        }
        if (bits < 0 || bits > 0777) {
            throw CofferException.invalid("option \"mode\" must be octal permissions such as 0600");
        }
        if ((bits & 0111) != 0) {
            throw CofferException.invalid("option \"mode\" must not make the audit file executable");
        }
        if (bits == 0) {
            return null;
        }
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < order.length; i++) {
            if ((bits & (1 << i)) != 0) {
                out.add(order[i]);
            }
        }
        return out;
    }

    private static long maxFileSize(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            long v = Long.parseLong(text.trim());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw CofferException.invalid("option \"max_file_size\" must be a number of bytes (0 for no size limit)");
        }
    }
}
