package io.coffer.core.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.core.aws.AccessCheck;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A core error that reaches the service from below (the barrier sealed while a request runs, a
 * secret removed under a concurrent write) keeps its kind, so the door answers 503 or
 * ResourceNotFound instead of a blanket InternalServiceError (found reviewing the fuzzing work).
 */
class CoreErrorKindsTest {

    @ParameterizedTest
    @EnumSource(value = CofferException.Kind.class, names = {"SEALED", "NOT_FOUND", "CONFLICT", "UNAVAILABLE"})
    void coreErrorOtherThanInvalid_keepsItsKind_forTheDoorsOneTable(CofferException.Kind kind) {
        SecretsHarness h = new SecretsHarness();
        AccessCheck failing = new AccessCheck() {
            @Override
            public void require(Operation operation, String path) {
                throw new CofferException(kind, "policy store unavailable");
            }

            @Override
            public boolean allows(Operation operation, String path) {
                throw new CofferException(kind, "policy store unavailable");
            }
        };

        CofferException e = catchThrowableOfType(CofferException.class,
                () -> h.service.invoke("GetSecretValue", SecretsHarness.parse("{\"SecretId\":\"app/db\"}"), failing));

        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(kind);
    }
}
