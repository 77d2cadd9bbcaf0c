package io.coffer.core.auth.jwt;

import io.coffer.core.auth.workload.CompactJws;
import io.coffer.core.auth.workload.InvalidJwtException;
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
    public Map<String, Object> verify(CompactJws jws) throws InvalidJwtException {
        for (PublicKey key : keys) {
            if (jws.isVerifiedBy(key)) {
                return jws.claims();
            }
        }
        throw InvalidJwtException.badSignature("no known key successfully validated the token signature");
    }
}
