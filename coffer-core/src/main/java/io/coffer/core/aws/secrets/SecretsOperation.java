package io.coffer.core.aws.secrets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.aws.AccessCheck;

/** One Secrets Manager operation. */
@FunctionalInterface
interface SecretsOperation {
    ObjectNode run(Input input, AccessCheck access);
}
