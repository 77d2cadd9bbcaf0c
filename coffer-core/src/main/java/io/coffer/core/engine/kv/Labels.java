package io.coffer.core.engine.kv;

import io.coffer.core.engine.kv.StoredDocs.MetadataDoc;
import io.coffer.core.engine.kv.StoredDocs.VersionDoc;
import java.util.Map;

/** The staging-label rules on a key's metadata document, shared by KV writes and {@link KeyEditor}. */
final class Labels {

    private Labels() {
    }

    /** The number of the version carrying {@code label}, or 0 when none does. */
    static long holder(MetadataDoc meta, String label) {
        for (Map.Entry<Long, VersionDoc> e : meta.versions.entrySet()) {
            if (e.getValue().labels.contains(label)) {
                return e.getKey();
            }
        }
        return 0;
    }

    /**
     * The version a read without a version number returns: the one labelled AWSCURRENT; when no
     * version of the key carries any label (written before labels existed), the newest; 0 when
     * labels exist but none is AWSCURRENT (a secret whose only version is a pending one).
     */
    static long readableCurrent(MetadataDoc meta) {
        boolean anyLabel = false;
        for (Map.Entry<Long, VersionDoc> e : meta.versions.entrySet()) {
            if (e.getValue().labels.contains(StagingLabels.CURRENT)) {
                return e.getKey();
            }
            anyLabel |= !e.getValue().labels.isEmpty();
        }
        return anyLabel ? 0 : meta.currentVersion;
    }

    /**
     * Moves {@code label} onto version {@code number}. When AWSCURRENT moves, the version it left
     * becomes AWSPREVIOUS (as AWS does), taking that label from wherever it was.
     */
    static void attach(MetadataDoc meta, String label, long number) {
        VersionDoc target = meta.versions.get(number);
        if (target == null) {
            throw new IllegalArgumentException("no version " + number);
        }
        long from = holder(meta, label);
        if (from == number) {
            return;
        }
        if (from != 0) {
            meta.versions.get(from).labels.remove(label);
        }
        target.labels.add(label);
        if (label.equals(StagingLabels.CURRENT) && from != 0) {
            detach(meta, StagingLabels.PREVIOUS);
            meta.versions.get(from).labels.add(StagingLabels.PREVIOUS);
        }
    }

    /** Removes {@code label} from whichever version carries it. */
    static void detach(MetadataDoc meta, String label) {
        for (VersionDoc v : meta.versions.values()) {
            v.labels.remove(label);
        }
    }
}
