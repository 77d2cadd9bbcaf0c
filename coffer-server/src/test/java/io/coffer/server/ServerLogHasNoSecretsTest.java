package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs last (see {@code junit-platform.properties}) and searches the server log of the whole
 * suite ({@code target/server-test.log}, written by every in-process and child server through
 * {@code logback-test.xml}) for every secret value, token and password the suite's tests sent,
 * and for anything shaped like a token. It must find none.
 */
@Order(Integer.MAX_VALUE)
class ServerLogHasNoSecretsTest {

    private static final Path LOG = Path.of("target", "server-test.log");
    /** Tokens as Coffer issues them: {@code hvs.} and 24 base62 characters. */
    private static final Pattern TOKEN = Pattern.compile("hvs\\.[A-Za-z0-9]{24}");

    @Test
    void serverLogOfTheSuite_containsNoSecretTheSuiteWrote() throws Exception {
        assertThat(LOG).as("logback-test.xml writes the server log here").exists();
        String log = Files.readString(LOG, StandardCharsets.UTF_8);

        Set<String> secrets = new TreeSet<>(SuiteSecrets.all());
        secrets.add(DevServer.ROOT_TOKEN);
        // The Http helper registers every credential and data value the suite sends: hundreds. Far
        // fewer means registration broke and the scan below would prove nothing.
        assertThat(secrets).as("secrets registered by the suite").hasSizeGreaterThan(200);
        List<String> found = new ArrayList<>();
        for (String secret : secrets) {
            if (log.contains(secret)) {
                // Report where, never the secret itself.
                found.add("a registered secret of " + secret.length() + " characters at offset " + log.indexOf(secret));
            }
        }
        Matcher token = TOKEN.matcher(log);
        while (token.find()) {
            found.add("a token-shaped string at offset " + token.start());
        }

        assertThat(found).as("secrets in %s (%d bytes, %d secrets searched)", LOG, log.length(), secrets.size()).isEmpty();
    }
}
