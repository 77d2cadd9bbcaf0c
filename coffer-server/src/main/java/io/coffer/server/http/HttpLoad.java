package io.coffer.server.http;

/**
 * A snapshot of what clients hold of a listener and what it refused since it started.
 *
 * @param openConnections      connections open now
 * @param refusedConnections   connections refused at a connection cap
 * @param heldRequestBytes     request body bytes held in memory now (received, queued or being served)
 * @param refusedRequestBodies bodies refused because the body memory budget was exhausted
 * @param timedOutRequests     requests whose headers or body did not arrive in time
 */
public record HttpLoad(int openConnections, long refusedConnections, long heldRequestBytes, long refusedRequestBodies,
        long timedOutRequests) {
}
