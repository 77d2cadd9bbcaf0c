package io.coffer.core.aws.secrets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.aws.AccessCheck;
import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;
import io.coffer.core.aws.SecretsManagerOperations;
import io.coffer.core.engine.kv.KvStore;
import io.coffer.core.error.CofferException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Secrets Manager operations over one KV version 2 mount: a table from operation name to the
 * class that owns it.
 */
public final class SecretsManagerService implements SecretsManagerOperations {

    /** How often the purge of secrets whose recovery window ended runs. */
    public static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private final Map<String, SecretsOperation> operations = new HashMap<>();
    private final SecretDeletion deletion;
    private final DeletedSecretPurger purger;

    /**
     * @param settings the mount, region and account
     * @param kv       the mount's KV store when it is mounted (looked up per call: mounts change)
     * @param clock    the clock deletion windows and access dates are read from
     */
    public SecretsManagerService(SecretsSettings settings, Supplier<Optional<KvStore>> kv, Clock clock) {
        this(settings, kv, clock, PURGE_INTERVAL);
    }

    public SecretsManagerService(SecretsSettings settings, Supplier<Optional<KvStore>> kv, Clock clock, Duration purgeInterval) {
        SecretStore store = new SecretStore(settings, kv, clock);
        SecretLocator locator = new SecretLocator(store);
        SecretListing listing = new SecretListing(store);
        SecretWrites writes = new SecretWrites(store, locator);
        SecretReads reads = new SecretReads(store, locator, listing);
        SecretDescriptions descriptions = new SecretDescriptions(store, locator, listing);
        this.deletion = new SecretDeletion(store, locator, listing);
        LabelsAndTags labels = new LabelsAndTags(store, locator);
        ResourcePolicies policies = new ResourcePolicies(store, locator);
        Rotation rotation = new Rotation(store, locator);
        operations.put("CreateSecret", writes::create);
        operations.put("PutSecretValue", writes::put);
        operations.put("UpdateSecret", writes::update);
        operations.put("GetSecretValue", reads::get);
        operations.put("BatchGetSecretValue", reads::batchGet);
        operations.put("DescribeSecret", descriptions::describe);
        operations.put("ListSecrets", descriptions::list);
        operations.put("ListSecretVersionIds", descriptions::listVersionIds);
        operations.put("DeleteSecret", deletion::delete);
        operations.put("RestoreSecret", deletion::restore);
        operations.put("UpdateSecretVersionStage", labels::updateVersionStage);
        operations.put("TagResource", labels::tag);
        operations.put("UntagResource", labels::untag);
        operations.put("GetResourcePolicy", policies::get);
        operations.put("PutResourcePolicy", policies::put);
        operations.put("DeleteResourcePolicy", policies::delete);
        operations.put("ValidateResourcePolicy", policies::validate);
        operations.put("RotateSecret", rotation::rotate);
        operations.put("CancelRotateSecret", rotation::cancel);
        RandomPasswords passwords = new RandomPasswords();
        // Touches no secret, so no policy path guards it: any valid access key may ask.
        operations.put("GetRandomPassword", (in, access) -> passwords.generate(in.body()));
        this.purger = new DeletedSecretPurger(purgeInterval, deletion::purgeExpired);
    }

    @Override
    public ObjectNode invoke(String operation, ObjectNode input, AccessCheck access) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(access, "access");
        SecretsOperation op = operations.get(operation);
        if (op == null) {
            throw new AwsServiceException(AwsErrorType.UnknownOperationException, "The requested operation is not supported.");
        }
        try {
            return op.run(new Input(input), access);
        } catch (CofferException e) {
            // The KV layer's refusals carry no value. Any other kind (sealed mid-request, a secret
            // deleted under a concurrent write, a storage failure) keeps its kind, so the door's
            // one table answers 503, ResourceNotFound or a logged 500, not a blanket 500.
            if (e.kind() == CofferException.Kind.INVALID_REQUEST) {
                throw Errors.invalidParameter(e.getMessage());
            }
            throw e;
        }
    }

    /** The background purge, to be registered as a seal listener (started on unseal). */
    public DeletedSecretPurger purger() {
        return purger;
    }
}
