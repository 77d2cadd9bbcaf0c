/**
 * Routing of a request to a mounted engine and one of its path routes. Depends on {@code mount},
 * {@code engine}, {@code logical} and {@code error}.
 */
package io.coffer.core.router;
