package io.coffer.server.aws;

import static io.coffer.server.aws.AwsFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.secretsmanager.caching.SecretCache;
import com.amazonaws.secretsmanager.sql.AWSSecretsManagerPostgreSQLDriver;
import io.coffer.server.SuiteAccess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * aws-secretsmanager-jdbc's PostgreSQL driver, unmodified, fed by a {@link SecretCache} over a
 * SecretsManagerClient pointed at Coffer, connecting to the machine's PostgreSQL (127.0.0.1:5432,
 * trust authentication) with the credentials it read from Coffer.
 */
class AwsJdbcDriverCompatibilityTest {

    private static final String PG_URL = "jdbc-secretsmanager:postgresql://127.0.0.1:5432/test";

    static AwsFixture fixture;
    static SecretsManagerClient sm;
    static AWSSecretsManagerPostgreSQLDriver driver;

    @BeforeAll
    static void start() {
        fixture = AwsFixture.start();
        sm = fixture.client(fixture.createFullAccessKey());
        driver = newDriver(sm);
    }

    /**
     * The driver class registers a default instance when it loads, and that instance builds an SDK
     * client from the environment: it needs a region, and must not go looking for one (or for
     * credentials) at the EC2 metadata address. The instance the test uses is the one fed by Coffer.
     */
    private static AWSSecretsManagerPostgreSQLDriver newDriver(SecretsManagerClient client) {
        Map<String, String> saved = new HashMap<>();
        for (Map.Entry<String, String> p : Map.of("aws.region", "us-east-1", "aws.disableEc2Metadata", "true").entrySet()) {
            saved.put(p.getKey(), System.getProperty(p.getKey()));
            if (saved.get(p.getKey()) == null) {
                System.setProperty(p.getKey(), p.getValue());
            }
        }
        try {
            return new AWSSecretsManagerPostgreSQLDriver(new SecretCache(client));
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                }
            });
        }
    }

    @AfterAll
    static void stop() throws SQLException {
        if (driver != null) {
            DriverManager.deregisterDriver(driver);
        }
        if (sm != null) {
            sm.close();
        }
        fixture.close();
    }

    private static String storeCredentials(String username) {
        String name = unique("jdbc/postgres");
        String password = SuiteAccess.registerSecret("jdbc-pw-" + java.util.UUID.randomUUID());
        sm.createSecret(b -> b.name(name).secretString("{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"engine\":\"postgres\",\"host\":\"127.0.0.1\",\"port\":\"5432\",\"dbname\":\"test\"}"));
        return name;
    }

    private static String currentUser(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 1, current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            return rs.getString(2);
        }
    }

    @Test
    void driver_connectsWithTheCredentialsStoredInCoffer_secretIdAsUser() throws SQLException {
        String secretId = storeCredentials("postgres");
        Properties props = new Properties();
        props.setProperty("user", secretId);
        try (Connection c = driver.connect(PG_URL, props)) {
            assertThat(currentUser(c)).isEqualTo("postgres");
        }
    }

    @Test
    void driver_usesTheUsernameFromCoffer_notTheOneInTheUrl() throws SQLException {
        // Same URL, another secret: the database user follows the secret.
        String secretId = storeCredentials("root");
        Properties props = new Properties();
        props.setProperty("user", secretId);
        try (Connection c = driver.connect(PG_URL, props)) {
            assertThat(currentUser(c)).isEqualTo("root");
        }
    }

    @Test
    void driver_buildsTheUrlFromHostPortAndDbname_whenGivenOnlyTheSecretId() throws SQLException {
        String secretId = storeCredentials("postgres");
        // The driver takes the URL from the secret's host/port/dbname; credentials still come
        // from the secret named by "user" (without it the driver connects with none).
        Properties props = new Properties();
        props.setProperty("user", secretId);
        try (Connection c = driver.connect(secretId, props)) {
            assertThat(currentUser(c)).isEqualTo("postgres");
        }
    }
}
