/**
 * Server settings: validation in one place, and the JSON config file. Depends on coffer-core's
 * value types and on the HTTP layer's {@code HttpLimits} only.
 */
package io.coffer.server.config;
