/** Server settings: validation in one place, and the JSON config file. Depends on nothing in Coffer. */
package io.coffer.server.config;
