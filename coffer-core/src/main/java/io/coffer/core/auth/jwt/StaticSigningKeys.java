package io.coffer.core.auth.jwt;

import io.coffer.core.auth.workload.CompactJws;
import io.coffer.core.auth.workload.InvalidJwtException;
import io.coffer.core.ratelimit.LoginWorkPool;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;

/** {@code jwt_validation_pubkeys}: any of the configured keys may have signed the token. */
final class StaticSigningKeys implements SigningKeys {

    private final List<PublicKey> keys;

    StaticSigningKeys(List<PublicKey> keys) {
        this.keys = List.copyOf(keys);
    }

    @Override
    public Map<String, Object> verify(CompactJws jws, LoginWorkPool work) throws InvalidJwtException {
        if (jws.isVerifiedByAny(keys, work)) {
            return jws.claims();
        }
        throw InvalidJwtException.badSignature("no known key successfully validated the token signature");
    }
}
