package io.coffer.core.policy;

import java.util.List;
import java.util.Objects;

/**
 * A named ACL policy: the document as written ({@link #raw()}, what {@code sys/policy} reads back)
 * and its decoded path blocks in document order.
 *
 * @param name  lower-case name
 * @param raw   the HCL or JSON text as submitted (after Vault's base64 unwrapping)
 * @param rules the path blocks
 */
public record Policy(String name, String raw, List<PathRule> rules) {

    public Policy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(raw, "raw");
        rules = List.copyOf(rules);
    }
}
