/** The shared Jackson mapper and JSON helpers. Depends on {@code error} only. */
package io.coffer.core.json;
