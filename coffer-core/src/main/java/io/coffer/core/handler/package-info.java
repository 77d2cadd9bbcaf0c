/**
 * The request pipeline shared by every front door: seal check, authentication, authorization,
 * routing, login throttling. Depends on {@code seal}, {@code token}, {@code policy}, {@code router},
 * {@code sys}, {@code ratelimit} and the {@code engine} SPI.
 */
package io.coffer.core.handler;
