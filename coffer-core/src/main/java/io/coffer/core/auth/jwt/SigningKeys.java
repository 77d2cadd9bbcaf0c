package io.coffer.core.auth.jwt;

import io.coffer.core.auth.workload.CompactJws;
import io.coffer.core.auth.workload.InvalidJwtException;
import io.coffer.core.ratelimit.LoginWorkPool;
import java.util.Map;

/** The keys a jwt mount trusts: verifies a token's signature and hands back its claims. */
interface SigningKeys {

    /**
     * The claims of {@code jws}, once one trusted key verified its signature. Signatures are
     * checked on {@code work}; fetching keys, when needed, happens on the caller's thread.
     *
     * @throws InvalidJwtException when no trusted key verifies it or the keys cannot be had
     */
    Map<String, Object> verify(CompactJws jws, LoginWorkPool work) throws InvalidJwtException;
}
