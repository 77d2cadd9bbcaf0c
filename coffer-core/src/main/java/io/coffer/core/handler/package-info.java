/**
 * The request pipeline shared by every front door: seal check, authentication, authorization,
 * routing. Depends on {@code seal}, {@code token}, {@code policy}, {@code router}, {@code sys}.
 */
package io.coffer.core.handler;
