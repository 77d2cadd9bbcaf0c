package io.coffer.core.auth.userpass;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.coffer.core.auth.TokenSettings;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A userpass user as stored: the bcrypt hash of the password, never the password, and what its
 * logins' tokens get.
 *
 * @param passwordHash bcrypt hash ({@code $2a$10$...})
 * @param token        token settings
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record User(@JsonProperty("password_hash") String passwordHash, @JsonProperty("token") TokenSettings token) {

    /** Deprecated request fields of a user and the {@code token_*} fields they set. */
    static final List<TokenSettings.Alias> ALIASES = List.of(
            new TokenSettings.Alias("policies", "token_policies"),
            new TokenSettings.Alias("ttl", "token_ttl"),
            new TokenSettings.Alias("max_ttl", "token_max_ttl"),
            new TokenSettings.Alias("bound_cidrs", "token_bound_cidrs"));

    User {
        token = token == null ? TokenSettings.DEFAULT : token;
    }

    @Override
    public String toString() {
        return "User[token=" + token + "]";
    }

    /** The body of {@code GET users/<name>}: the token fields only, sorted as Vault writes them. */
    Map<String, Object> render() {
        Map<String, Object> m = new TreeMap<>();
        token.render(m, ALIASES);
        return m;
    }
}
