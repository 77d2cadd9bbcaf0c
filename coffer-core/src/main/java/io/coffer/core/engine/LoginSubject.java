package io.coffer.core.engine;

/**
 * Implemented by engines with login paths (auth methods) that can say whom a login request is
 * for: the role, user or other identity it names. The core throttles login attempts per client
 * address, mount and this subject, so that hammering one account neither succeeds nor locks out
 * the others.
 */
public interface LoginSubject {

    /**
     * The identity a login request names, as sent (it may not exist); empty when it names none.
     * Must not throw for malformed requests: the core asks before the handler validates anything.
     */
    String loginSubject(EngineRequest request);
}
