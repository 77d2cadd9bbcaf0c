/**
 * Rendering in the vault CLI's layouts: aligned Key/Value tables with dashed underlines
 * ({@link io.coffer.cli.output.Table}), {@code ==== Title ====} section headers
 * ({@link io.coffer.cli.output.SectionHeaders}), values printed as Go's {@code %v} prints them
 * ({@link io.coffer.cli.output.GoValues}), JSON indented as Go's {@code json.MarshalIndent}
 * ({@link io.coffer.cli.output.JsonOutput}) and wrapped advisory text ({@link io.coffer.cli.output.TextWrap}).
 *
 * <p>Pure string building: no I/O, no knowledge of commands or HTTP. Depends on Jackson (for JSON
 * escaping), {@link io.coffer.cli.text} (durations) and {@link io.coffer.cli.client.Secret}, the envelope it renders.
 */
package io.coffer.cli.output;
