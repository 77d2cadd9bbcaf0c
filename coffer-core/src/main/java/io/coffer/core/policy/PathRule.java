package io.coffer.core.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code path "..." { ... }} block of a policy, decoded and validated.
 *
 * @param path                the path as written, without a leading {@code /}
 * @param capabilities        what the block grants; exactly {@code {DENY}} when it denies
 * @param allowedParameters   request fields the block allows (lower-case names to allowed values,
 *                            an empty value list meaning any value); empty when unrestricted
 * @param deniedParameters    request fields the block forbids, same shape
 * @param requiredParameters  request fields that must be present
 * @param minWrappingTtl      seconds; non-zero demands response wrapping, which Coffer does not offer
 * @param maxWrappingTtl      seconds; non-zero demands response wrapping, which Coffer does not offer
 */
public record PathRule(String path, Set<Capability> capabilities, Map<String, List<Object>> allowedParameters,
        Map<String, List<Object>> deniedParameters, List<String> requiredParameters, long minWrappingTtl,
        long maxWrappingTtl) {

    public PathRule {
        Objects.requireNonNull(path, "path");
        capabilities = Set.copyOf(capabilities);
        allowedParameters = Map.copyOf(allowedParameters);
        deniedParameters = Map.copyOf(deniedParameters);
        requiredParameters = List.copyOf(requiredParameters);
    }

    /** True when the path uses {@code +} as a whole segment somewhere (Vault's segment wildcard). */
    public boolean hasSegmentWildcard() {
        return path.equals("+") || path.contains("/+") || path.startsWith("+/");
    }

    /** True for a {@code *} glob at the end: the rest of the path may be anything. */
    public boolean isPrefix() {
        return path.endsWith("*");
    }

    /**
     * True when the path holds an identity template such as {@code {{identity.entity.id}}}. Coffer
     * has no identity store, so such a block can never match a request, exactly as in Vault for a
     * token without an entity.
     */
    public boolean isTemplated() {
        return path.contains("{{");
    }
}
