package de.foerderregister.security;

import de.foerderregister.application.StateCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * An account. {@code language} ({@code de} or {@code en}) is the language of its mails; the pages
 * choose theirs per request. {@code sessionGeneration} is copied into every token issued to it; raising it ends
 * every session issued before (see {@link SessionClaims}).
 */
@MappedEntity("user_account")
public record UserAccount(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String passwordHash,
        Role role,
        @Nullable StateCode stateCode,
        boolean enabled,
        Instant createdAt,
        long sessionGeneration,
        @Nullable String email,
        String language) {

    /** The same account with its earlier sessions ended. */
    UserAccount withNewSessions() {
        return new UserAccount(id, username, passwordHash, role, stateCode, enabled, createdAt, sessionGeneration + 1, email,
                language);
    }
}
