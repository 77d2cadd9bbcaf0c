/**
 * The Coffer server: {@link io.coffer.server.CofferServer} binds a node to a Netty listener.
 * Depends on coffer-core; sub-packages hold the HTTP adapter and configuration.
 */
package io.coffer.server;
