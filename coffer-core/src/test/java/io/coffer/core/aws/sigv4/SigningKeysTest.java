package io.coffer.core.aws.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.crypto.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

    private static AuthorizationHeader scope(String keyId, String date, String region, String service) {
        return new AuthorizationHeader(keyId, date, region, service, "aws4_request", List.of("host"), "0".repeat(64));
    }

    private static String hex(HmacSha256 key, String data) {
        return HexFormat.of().formatHex(key.mac(data.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void derive_matchesAwsDocumentedSigningKey() {
        // AWS's "Examples of how to derive a signing key for Signature Version 4".
        byte[] key = SigningKeys.derive("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                scope("AKID", "20120215", "us-east-1", "iam"));

        assertThat(HexFormat.of().formatHex(key)).isEqualTo("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
    }

    @Test
    void sameKeyAndScope_isDerivedOnce() {
        SigningKeys keys = new SigningKeys(10);
        AuthorizationHeader auth = scope("AKID", "20260301", "us-east-1", "secretsmanager");

        HmacSha256 first = keys.of("secret-one", auth);

        assertThat(keys.of("secret-one", auth)).isSameAs(first);
        assertThat(keys.size()).isEqualTo(1);
    }

    @Test
    void anotherDayRegionOrService_getsItsOwnKey() {
        SigningKeys keys = new SigningKeys(10);
        AuthorizationHeader base = scope("AKID", "20260301", "us-east-1", "secretsmanager");
        String signed = hex(keys.of("s", base), "x");

        for (AuthorizationHeader other : List.of(scope("AKID", "20260302", "us-east-1", "secretsmanager"),
                scope("AKID", "20260301", "eu-west-1", "secretsmanager"), scope("AKID", "20260301", "us-east-1", "iam"))) {
            assertThat(hex(keys.of("s", other), "x")).as(other.scope())
                    .isNotEqualTo(signed)
                    .isEqualTo(hex(HmacSha256.withKey(SigningKeys.derive("s", other)), "x"));
        }
    }

    @Test
    void aNewSecretUnderTheSameKeyId_replacesTheCachedKey() {
        SigningKeys keys = new SigningKeys(10);
        AuthorizationHeader auth = scope("AKID", "20260301", "us-east-1", "secretsmanager");
        HmacSha256 old = keys.of("old-secret", auth);

        HmacSha256 renewed = keys.of("new-secret", auth);

        assertThat(renewed).isNotSameAs(old);
        assertThat(hex(renewed, "x")).isEqualTo(hex(HmacSha256.withKey(SigningKeys.derive("new-secret", auth)), "x"))
                .isNotEqualTo(hex(old, "x"));
        assertThat(hex(keys.of("old-secret", auth), "x")).isEqualTo(hex(old, "x"));
    }

    @Test
    void clear_andTheBound_dropEntries() {
        SigningKeys keys = new SigningKeys(2);
        keys.of("s", scope("A", "20260301", "r", "secretsmanager"));
        keys.of("s", scope("B", "20260301", "r", "secretsmanager"));
        keys.of("s", scope("C", "20260301", "r", "secretsmanager"));
        assertThat(keys.size()).isLessThanOrEqualTo(2);

        keys.clear();

        assertThat(keys.size()).isZero();
    }
}
