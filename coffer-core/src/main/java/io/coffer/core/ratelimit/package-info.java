/**
 * Throttling of unauthenticated requests: {@link io.coffer.core.ratelimit.LoginRateLimiter} keeps
 * token buckets per client address, mount and login subject, in memory and bounded. Depends on
 * {@code error} only; the request pipeline ({@code handler}) applies it to login paths.
 */
package io.coffer.core.ratelimit;
