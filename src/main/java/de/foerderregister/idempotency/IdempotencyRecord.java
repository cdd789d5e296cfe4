package de.foerderregister.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A claimed Idempotency-Key of one user, and once completed, the response to replay. */
@MappedEntity("idempotency_record")
public record IdempotencyRecord(
        @EmbeddedId Key id,
        String fingerprint,
        State state,
        @Nullable Integer responseStatus,
        @Nullable String responseBody,
        @Nullable String location,
        @Nullable String etag,
        Instant createdAt,
        Instant expiresAt) {

    @Embeddable
    public record Key(@MappedProperty("username") String username, @MappedProperty("idempotency_key") String idempotencyKey) {
    }

    public enum State {
        IN_PROGRESS,
        COMPLETED
    }
}
