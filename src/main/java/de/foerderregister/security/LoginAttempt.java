package de.foerderregister.security;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The attempts counted in one bucket since {@code windowStart}; the bucket is the SHA-256 of its key. */
@MappedEntity("login_attempt")
public record LoginAttempt(@Id String bucket, Instant windowStart, int attempts) {
}
