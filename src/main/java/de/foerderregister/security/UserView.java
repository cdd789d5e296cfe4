package de.foerderregister.security;

import de.foerderregister.application.StateCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * An account as the API shows it: never its password hash. {@code provider} names the identity provider an external
 * account signs in through (single sign-on), null for a local account.
 */
@Serdeable
public record UserView(long id, String username, Role role, @Nullable StateCode state, boolean enabled,
                       @Nullable String email, String language, Instant createdAt, @Nullable String provider) {

    static UserView of(UserAccount account) {
        return new UserView(account.id(), account.username(), account.role(), account.stateCode(),
                account.enabled(), account.email(), account.language(), account.createdAt(), account.externalProvider());
    }
}
