package io.coffer.core.sys;

import io.coffer.core.barrier.AesGcmBarrier;
import io.coffer.core.barrier.KeyStatus;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Response;
import io.coffer.core.logical.Timestamps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code sys/rotate} and {@code sys/key-status}: the barrier's keyring. */
final class KeyPaths {

    private final AesGcmBarrier barrier;

    KeyPaths(AesGcmBarrier barrier) {
        this.barrier = barrier;
    }

    List<PathRoute> routes() {
        return List.of(
                PathRoute.path("rotate").on(Operation.UPDATE, r -> {
                    barrier.rotate();
                    return Response.empty();
                }).synopsis("Adds a keyring term; new writes use it, old terms still decrypt."),
                PathRoute.path("key-status").on(Operation.READ, r -> keyStatus())
                        .synopsis("The active keyring term."));
    }

    private Response keyStatus() {
        KeyStatus s = barrier.keyStatus();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("term", s.term());
        data.put("install_time", Timestamps.rfc3339Nano(s.installTime()));
        data.put("encryptions", s.encryptions());
        return Response.of(data).copyingDataToTopLevel();
    }
}
