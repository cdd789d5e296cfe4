package de.foerderregister.security;

import de.foerderregister.application.StateCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("user_account")
public record UserAccount(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String passwordHash,
        Role role,
        @Nullable StateCode stateCode,
        boolean enabled,
        Instant createdAt) {
}
