/** The {@code coffer server} command: parses server flags and config files, starts coffer-server. */
package io.coffer.cli.server;
