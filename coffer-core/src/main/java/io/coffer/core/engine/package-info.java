/**
 * The secrets engine SPI: an engine declares its paths as {@link io.coffer.core.engine.PathRoute}
 * data and handles {@link io.coffer.core.engine.EngineRequest}s with storage confined to its mount.
 * Depends on {@code logical}, {@code barrier} (the storage view) and {@code mount}; engines live in
 * sub-packages and depend only on this package and those.
 */
package io.coffer.core.engine;
