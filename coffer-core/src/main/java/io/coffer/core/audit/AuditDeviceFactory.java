package io.coffer.core.audit;

import java.util.Map;

/** Creates the audit devices of one type, e.g. {@code file}. */
public interface AuditDeviceFactory {

    /** The type name used in {@code sys/audit/:path} ({@code file}). */
    String type();

    /**
     * Checks a device's options before it is enabled; throws {@code INVALID_REQUEST} naming the
     * option and what to change. The common options ({@link AuditFormatOptions#NAMES}) are
     * checked by the caller and may be present.
     */
    void validateOptions(Map<String, String> options);

    /**
     * Creates the device described by {@code entry}. Must not fail because its target is
     * unwritable right now (a device loaded on unseal must exist to refuse requests); report that
     * through {@link AuditDevice#checkReady()} and failed records instead. {@code chain} holds the
     * device's chain key and stored head; a device that writes no chain ignores it.
     */
    AuditDevice create(AuditDeviceEntry entry, AuditSalt salt, AuditChainStore chain);
}
