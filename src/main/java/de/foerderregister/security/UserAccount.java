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
 * every session issued before (see {@link SessionClaims}). An external account (single sign-on) names the identity
 * provider and the subject it knows the user by; its {@code passwordHash} is {@link #NO_PASSWORD}, which no
 * password matches.
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
        String language,
        @Nullable String externalProvider,
        @Nullable String externalSubject) {

    /** The hash column of an external account: not a bcrypt hash, so no password matches it (the migration checks it). */
    static final String NO_PASSWORD = "!external";

    public boolean external() {
        return externalProvider != null;
    }

    /** The same account with its earlier sessions ended. */
    UserAccount withNewSessions() {
        return new UserAccount(id, username, passwordHash, role, stateCode, enabled, createdAt, sessionGeneration + 1, email,
                language, externalProvider, externalSubject);
    }
}
