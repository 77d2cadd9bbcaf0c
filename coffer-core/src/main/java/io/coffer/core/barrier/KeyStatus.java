package io.coffer.core.barrier;

import java.time.Instant;

/**
 * The state of the active keyring term, as {@code sys/key-status} reports it.
 *
 * @param term        the active term
 * @param installTime when the term was created
 * @param encryptions values encrypted under it by this process since unseal
 */
public record KeyStatus(int term, Instant installTime, long encryptions) {
}
