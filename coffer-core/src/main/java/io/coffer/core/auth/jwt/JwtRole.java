package io.coffer.core.auth.jwt;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.coffer.core.auth.TokenSettings;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A jwt role, stored at {@code role/<name>}: which tokens may log in through it and what token
 * they get. List and map fields keep Vault's distinction between unset ({@code null}) and empty.
 *
 * @param roleType             {@code jwt}, or {@code oidc} (browser flow only; refused at login)
 * @param expirationLeeway     seconds; 0 for the default (150), negative for none
 * @param notBeforeLeeway      seconds; 0 for the default (150), negative for none
 * @param clockSkewLeeway      seconds; 0 for the default (60), negative for none
 * @param boundAudiences       {@code aud} must contain one of these; a token with {@code aud} needs them
 * @param boundSubject         required {@code sub}
 * @param boundClaimsType      {@code string} (exact) or {@code glob}
 * @param boundClaims          claim (name or JSON pointer) to the value, or list of values, one of which it must have
 * @param claimMappings        claim (name or JSON pointer) to the metadata key it is copied to
 * @param userClaim            the claim naming the user: alias name and display name
 * @param userClaimJsonPointer whether {@link #userClaim} is a JSON pointer
 * @param groupsClaim          claim holding group names; must be present when set
 * @param oidcScopes           OIDC flow setting, kept for wire compatibility
 * @param allowedRedirectUris  OIDC flow setting, required for oidc roles as in Vault
 * @param verboseOidcLogging   OIDC flow setting, kept for wire compatibility
 * @param maxAge               OIDC flow setting in seconds, kept for wire compatibility
 * @param token                the token_* fields
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record JwtRole(
        @JsonProperty("role_type") String roleType,
        @JsonProperty("expiration_leeway") long expirationLeeway,
        @JsonProperty("not_before_leeway") long notBeforeLeeway,
        @JsonProperty("clock_skew_leeway") long clockSkewLeeway,
        @JsonProperty("bound_audiences") List<String> boundAudiences,
        @JsonProperty("bound_subject") String boundSubject,
        @JsonProperty("bound_claims_type") String boundClaimsType,
        @JsonProperty("bound_claims") Map<String, Object> boundClaims,
        @JsonProperty("claim_mappings") Map<String, String> claimMappings,
        @JsonProperty("user_claim") String userClaim,
        @JsonProperty("user_claim_json_pointer") boolean userClaimJsonPointer,
        @JsonProperty("groups_claim") String groupsClaim,
        @JsonProperty("oidc_scopes") List<String> oidcScopes,
        @JsonProperty("allowed_redirect_uris") List<String> allowedRedirectUris,
        @JsonProperty("verbose_oidc_logging") boolean verboseOidcLogging,
        @JsonProperty("max_age") long maxAge,
        @JsonProperty("token") TokenSettings token) {

    static final String TYPE_JWT = "jwt";
    static final String TYPE_OIDC = "oidc";
    static final String CLAIMS_STRING = "string";
    static final String CLAIMS_GLOB = "glob";

    /** A role that does not exist yet, as a write starts from. */
    static final JwtRole NEW = new JwtRole(TYPE_OIDC, 0, 0, 0, null, "", CLAIMS_STRING, null, null, "", false, "", null, null,
            false, 0, TokenSettings.DEFAULT);

    JwtRole {
        roleType = Objects.requireNonNullElse(roleType, TYPE_JWT);
        boundSubject = Objects.requireNonNullElse(boundSubject, "");
        boundClaimsType = boundClaimsType == null || boundClaimsType.isEmpty() ? CLAIMS_STRING : boundClaimsType;
        userClaim = Objects.requireNonNullElse(userClaim, "");
        groupsClaim = Objects.requireNonNullElse(groupsClaim, "");
        token = Objects.requireNonNullElse(token, TokenSettings.DEFAULT);
    }

    List<String> audiences() {
        return boundAudiences == null ? List.of() : boundAudiences;
    }

    Map<String, Object> claims() {
        return boundClaims == null ? Map.of() : boundClaims;
    }

    Map<String, String> mappings() {
        return claimMappings == null ? Map.of() : claimMappings;
    }
}
