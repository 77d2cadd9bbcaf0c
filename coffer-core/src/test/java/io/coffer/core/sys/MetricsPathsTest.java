package io.coffer.core.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.auth.token.TokenAuthFactory;
import io.coffer.core.engine.kv.KvEngineFactory;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.logical.Response;
import io.coffer.core.node.CofferNode;
import io.coffer.core.storage.InMemoryStorage;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** sys/metrics through the core's request path: formats, access, sealed, and a node without metrics. */
class MetricsPathsTest {

    private static final String ROOT = "root-token";

    private static final MetricsSource FIXED = new MetricsSource() {
        @Override
        public String prometheusText() {
            return "coffer_test_total 1.0\n";
        }

        @Override
        public Map<String, Object> json() {
            return Map.of("Gauges", java.util.List.of());
        }
    };

    private static CofferNode node(Optional<MetricsSource> metrics, boolean unauthenticated) {
        CofferNode.Builder b = CofferNode.builder(new InMemoryStorage()).engine(new KvEngineFactory())
                .authMethod(TokenAuthFactory::new);
        metrics.ifPresent(m -> b.metrics(m, unauthenticated));
        CofferNode node = b.build();
        node.startDev(Optional.of(ROOT));
        return node;
    }

    private static Response read(CofferNode node, String token, Map<String, Object> query) {
        Request.Builder r = Request.builder(Operation.READ, "sys/metrics").data(query);
        if (token != null) {
            r.clientToken(token);
        }
        return node.handler().handle(r.build());
    }

    private static CofferException.Kind refusal(CofferNode node, String token, Map<String, Object> query) {
        CofferException.Kind[] kind = new CofferException.Kind[1];
        assertThatThrownBy(() -> read(node, token, query)).isInstanceOfSatisfying(CofferException.class, e -> kind[0] = e.kind());
        return kind[0];
    }

    @Test
    void formats_areThePrometheusTextOrJson_asDocuments() {
        try (CofferNode node = node(Optional.of(FIXED), false)) {
            Response.TextBody text = read(node, ROOT, Map.of("format", "prometheus")).textBody().orElseThrow();
            assertThat(text.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
            assertThat(text.body()).isEqualTo("coffer_test_total 1.0\n");
            Response.TextBody json = read(node, ROOT, Map.of()).textBody().orElseThrow();
            assertThat(json.contentType()).isEqualTo("application/json");
            assertThat(json.body()).isEqualTo("{\"Gauges\":[]}");
            assertThat(refusal(node, ROOT, Map.of("format", "yaml"))).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        }
    }

    @Test
    void withoutTheFlag_aTokenIsNeeded_andSealedRefuses() {
        try (CofferNode node = node(Optional.of(FIXED), false)) {
            assertThat(refusal(node, null, Map.of())).isEqualTo(CofferException.Kind.PERMISSION_DENIED);
            node.seal().seal();
            assertThat(refusal(node, ROOT, Map.of())).isEqualTo(CofferException.Kind.SEALED);
        }
    }

    @Test
    void unauthenticated_servesWithoutATokenEvenSealed() {
        try (CofferNode node = node(Optional.of(FIXED), true)) {
            assertThat(read(node, null, Map.of("format", "prometheus")).textBody()).isPresent();
            assertThatThrownBy(() -> node.handler().handle(Request.builder(Operation.READ, "sys/audit").build()))
                    .as("nothing else opens up").isInstanceOfSatisfying(CofferException.class,
                            e -> assertThat(e.kind()).isEqualTo(CofferException.Kind.PERMISSION_DENIED));
            node.seal().seal();
            assertThat(read(node, null, Map.of("format", "prometheus")).textBody()).isPresent();
        }
    }

    @Test
    void nodeWithoutAMetricsSource_hasNoMetricsPath() {
        try (CofferNode node = node(Optional.empty(), true)) {
            assertThat(refusal(node, ROOT, Map.of())).isNotNull();
            assertThat(refusal(node, null, Map.of())).isEqualTo(CofferException.Kind.PERMISSION_DENIED);
        }
    }
}
