package de.foerderregister.security;

import de.foerderregister.application.StateCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code PATCH /api/users/{username}}: only the given fields change. A role other than STATE
 * drops the state; an empty {@code email} removes the address; {@code language} ({@code de}, {@code en})
 * is the language of the account's mails.
 */
@Serdeable
public record UserUpdateCommand(@Nullable Boolean enabled, @Nullable Role role, @Nullable StateCode state,
                                @Nullable String email, @Nullable String language) {
}
