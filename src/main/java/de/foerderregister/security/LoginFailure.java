package de.foerderregister.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("login_failure")
public record LoginFailure(@Id @GeneratedValue @Nullable Long id, String username, Instant failedAt) {
}
