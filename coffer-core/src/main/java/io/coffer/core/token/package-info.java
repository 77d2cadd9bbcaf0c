/**
 * The token store: issues tokens, persists them only as salted HMACs behind the barrier, and finds
 * them for authentication. Depends on {@code barrier}, {@code seal} (as a listener), {@code json}
 * and {@code error}.
 */
package io.coffer.core.token;
