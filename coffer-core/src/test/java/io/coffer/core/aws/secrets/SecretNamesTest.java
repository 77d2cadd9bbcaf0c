package io.coffer.core.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SecretNamesTest {

    /** AWS's documented name character set. */
    private static final Pattern AWS_NAME_CHARS = Pattern.compile("[A-Za-z0-9/_+=.@-]+");

    @Test
    void hasNameCharsOnly_acceptsExactlyAwsNameCharacters() {
        for (char c = 0; c < 0x3000; c++) {
            String one = String.valueOf(c);
            assertThat(SecretNames.hasNameCharsOnly(one)).as("U+%04X", (int) c)
                    .isEqualTo(AWS_NAME_CHARS.matcher(one).matches());
            assertThat(SecretNames.hasNameCharsOnly("ok/" + one + "-x")).as("inside: U+%04X", (int) c)
                    .isEqualTo(AWS_NAME_CHARS.matcher("ok/" + one + "-x").matches());
        }
        assertThat(SecretNames.hasNameCharsOnly("")).isFalse();
        assertThat(SecretNames.hasNameCharsOnly("app/db-creds_1+2=3.x@y")).isTrue();
    }

    @Test
    void isKvKey_andCheckSecretId_keepTheirRules() {
        assertThat(SecretNames.isKvKey("bench/orders-db")).isTrue();
        assertThat(SecretNames.isKvKey("/lead")).isFalse();
        assertThat(SecretNames.isKvKey("a//b")).isFalse();
        assertThat(SecretNames.isKvKey("a/../b")).isFalse();
        assertThat(SecretNames.isKvKey("a b")).isFalse();
        assertThat(SecretNames.isKvKey("x".repeat(SecretNames.MAX_LENGTH + 1))).isFalse();
        SecretNames.checkSecretId("arn:aws:secretsmanager:us-east-1:123456789012:secret:any thing");
    }
}
