/**
 * Throttling of unauthenticated requests: {@link io.coffer.core.ratelimit.LoginRateLimiter} keeps
 * token buckets per client address, mount and login subject, in memory and bounded;
 * {@link io.coffer.core.ratelimit.LoginWorkPool} bounds, for the whole server, the CPU that logins
 * may take (bcrypt, signature checks) and refuses logins at once when it is taken. Depends on
 * {@code error} only; the request pipeline ({@code handler}) applies the limiter to login paths,
 * the auth methods run their expensive steps on the pool.
 */
package io.coffer.core.ratelimit;
