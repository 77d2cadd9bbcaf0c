package io.coffer.core.aws.secrets;

import io.coffer.core.auth.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.aws.AccessCheck;
import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;
import io.coffer.core.barrier.PlaintextSecureStorage;
import io.coffer.core.engine.kv.KvStore;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Operation;
import io.coffer.core.storage.InMemoryStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A service over an in-memory KV store with a hand-moved clock and a recording access check. */
final class SecretsHarness {

    static final Instant START = Instant.parse("2026-03-22T10:15:30.123456789Z");

    final TestClock clock = new TestClock(START);
    final KvStore kv = new KvStore(new PlaintextSecureStorage(new InMemoryStorage()).view("logical/aws/"), clock);
    final SecretsManagerService service = new SecretsManagerService(SecretsSettings.DEFAULT, () -> Optional.of(kv), clock);
    final RecordingAccess access = new RecordingAccess();

    ObjectNode call(String operation, String json) {
        return service.invoke(operation, parse(json), access);
    }

    AwsServiceException failure(String operation, String json) {
        return catchThrowableOfType(AwsServiceException.class, () -> call(operation, json));
    }

    void assertFails(String operation, String json, AwsErrorType type) {
        AwsServiceException e = failure(operation, json);
        assertThat(e).as(operation + " should fail").isNotNull();
        assertThat(e.type()).isEqualTo(type);
    }

    /** The AWS error {@code call} throws, or null when it returns. */
    static AwsServiceException catchAws(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return catchThrowableOfType(AwsServiceException.class, call);
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records each check and denies the paths in {@link #denied}. */
    static final class RecordingAccess implements AccessCheck {
        final List<String> checks = new ArrayList<>();
        final Set<String> denied = new HashSet<>();

        @Override
        public void require(Operation operation, String path) {
            if (!allows(operation, path)) {
                throw new AwsServiceException(AwsErrorType.AccessDeniedException, "denied");
            }
        }

        @Override
        public boolean allows(Operation operation, String path) {
            String check = operation.wireName() + " " + path;
            checks.add(check);
            return !denied.contains(check);
        }
    }
}
