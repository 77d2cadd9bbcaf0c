package io.coffer.core.logical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a handler returns. Usually the data of Vault's response envelope; a few system endpoints
 * (health, seal status, init) answer with a bare JSON object instead, see {@link #raw}, and
 * {@code sys/metrics} with a document of its own media type, see {@link #text}.
 *
 * <p>An adapter renders an envelope response with no data, no warnings and no auth as 204.
 */
public final class Response {

    private final Map<String, Object> data;
    private final Map<String, Object> rawBody;
    private final TextBody text;
    private final List<String> warnings = new ArrayList<>();
    private Map<String, Object> auth;
    private int status;
    private boolean copyDataToTopLevel;
    private String mountType = "";
    private Login login;

    private Response(Map<String, Object> data, Map<String, Object> rawBody, TextBody text) {
        this.data = data;
        this.rawBody = rawBody;
        this.text = text;
    }

    /**
     * A document rendered as is with its own media type (the Prometheus text format). Its content is
     * not audited: only the fact that it was answered is (audit devices record response data, and a
     * document has none).
     *
     * @param contentType the media type the adapter sends, e.g. {@code text/plain; version=0.0.4; charset=utf-8}
     * @param body        the document
     */
    public record TextBody(String contentType, String body) {
        public TextBody {
            java.util.Objects.requireNonNull(contentType, "contentType");
            java.util.Objects.requireNonNull(body, "body");
        }
    }

    /** An envelope response carrying {@code data} (may be empty, never null). */
    public static Response of(Map<String, Object> data) {
        return new Response(new LinkedHashMap<>(data), null, null);
    }

    /** An envelope response with no data: 204 unless warnings or auth are added. */
    public static Response empty() {
        return new Response(null, null, null);
    }

    /** A response rendered as exactly {@code body}, not wrapped in an envelope. */
    public static Response raw(Map<String, Object> body) {
        return new Response(null, new LinkedHashMap<>(body), null);
    }

    /** A response rendered as exactly {@code body} with media type {@code contentType}, see {@link TextBody}. */
    public static Response text(String contentType, String body) {
        return new Response(null, null, new TextBody(contentType, body));
    }

    public Response withStatus(int httpStatus) {
        this.status = httpStatus;
        return this;
    }

    public Response withWarning(String warning) {
        warnings.add(warning);
        return this;
    }

    public Response withAuth(Map<String, Object> auth) {
        this.auth = auth;
        return this;
    }

    /**
     * Vault's {@code sys/} quirk: also copy every data key to the top level of the envelope, which
     * older clients read.
     */
    public Response copyingDataToTopLevel() {
        this.copyDataToTopLevel = true;
        return this;
    }

    public Optional<Map<String, Object>> data() {
        return Optional.ofNullable(data);
    }

    public Optional<Map<String, Object>> rawBody() {
        return Optional.ofNullable(rawBody);
    }

    public Optional<TextBody> textBody() {
        return Optional.ofNullable(text);
    }

    public List<String> warnings() {
        return warnings;
    }

    public Optional<Map<String, Object>> auth() {
        return Optional.ofNullable(auth);
    }

    /** An explicit HTTP status, or 0 to let the adapter choose (200, or 204 when empty). */
    public int status() {
        return status;
    }

    /** Marks this as a successful login: the core mints a token for {@code login} and adds the auth block. */
    public Response withLogin(Login login) {
        this.login = login;
        return this;
    }

    public Optional<Login> login() {
        return Optional.ofNullable(login);
    }

    /** Records the type of the mount that answered ({@code kv}, {@code system}); set by the router. */
    public Response withMountType(String type) {
        this.mountType = type;
        return this;
    }

    /** The type of the mount that answered, empty when none did. */
    public String mountType() {
        return mountType;
    }

    public boolean copiesDataToTopLevel() {
        return copyDataToTopLevel;
    }

    /** True when an envelope response has nothing to say, so the adapter may answer 204. */
    public boolean isEmpty() {
        return rawBody == null && text == null && data == null && warnings.isEmpty() && auth == null && login == null;
    }
}
