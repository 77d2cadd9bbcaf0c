package io.coffer.core.engine.kv;

import static io.coffer.core.engine.kv.KvHarness.data;
import static io.coffer.core.engine.kv.KvHarness.failure;
import static io.coffer.core.engine.kv.KvHarness.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvalidPathsTest {

    private final KvHarness h = new KvHarness();

    private static String invalid(String command) {
        return "Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API endpoints to use. "
                + "If using the Vault CLI, use 'vault kv " + command + "' for this operation.";
    }

    @Test
    void read_kvV1StylePath_is404WithGetWarning() {
        h.put("app", "{\"a\":1}");
        Response r = h.read("app");
        assertThat(status(r)).isEqualTo(404);
        assertThat(r.data()).isEmpty();
        assertThat(r.warnings()).containsExactly(invalid("get"));
    }

    @Test
    void everyOperation_namesItsCliCommand() {
        assertThat(h.call(Operation.UPDATE, "app", Map.of("a", "b")).warnings()).containsExactly(invalid("put"));
        assertThat(h.call(Operation.CREATE, "app", Map.of("a", "b")).warnings()).containsExactly(invalid("put"));
        assertThat(h.call(Operation.PATCH, "app", Map.of("a", "b")).warnings()).containsExactly(invalid("patch"));
        assertThat(h.delete("app").warnings()).containsExactly(invalid("delete"));
        assertThat(h.list("app/").warnings()).containsExactly(invalid("list"));
        assertThat(h.list("config").warnings()).containsExactly(invalid("list"));
    }

    @Test
    void read_rootOfASubPath_isNonListingWarning() {
        for (String root : new String[] {"data", "metadata", "delete", "undelete", "destroy"}) {
            Response r = h.read(root);
            assertThat(status(r)).isEqualTo(404);
            assertThat(r.warnings()).containsExactly("Non-listing operations on the root of a K/V v2 mount are not supported.");
        }
    }

    @Test
    void list_metadataWithoutSlash_listsTheRoot() {
        h.put("a", "{}");
        assertThat(data(h.list("metadata")).get("keys")).isEqualTo(java.util.List.of("a"));
    }

    @Test
    void read_mountRoot_is404WithGetWarning() {
        assertThat(h.read("").warnings()).containsExactly(invalid("get"));
        assertThat(h.list("").warnings()).containsExactly(invalid("list"));
    }

    @Test
    void list_underVersionPaths_isUnsupportedAsInVault() {
        // Vault's delete/undelete/destroy/subkeys patterns match "<verb>/app/" but serve no LIST: 405.
        for (String path : new String[] {"delete/app/", "undelete/app/", "destroy/app/", "subkeys/app/"}) {
            assertThat(failure(() -> h.list(path)).kind()).as(path).isEqualTo(CofferException.Kind.UNSUPPORTED_OPERATION);
        }
    }

    @Test
    void routes_catchAllIsLast() {
        java.util.List<io.coffer.core.engine.PathRoute> routes = h.engine.routes();
        assertThat(routes.get(routes.size() - 1).pattern().pattern()).isEqualTo("(?s).*");
        assertThat(routes).allSatisfy(r -> assertThat(r.synopsis()).isNotBlank());
    }
}
