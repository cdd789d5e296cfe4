package de.foerderregister.security;

import de.foerderregister.application.StateCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /api/users}: a new account. {@code state} is required for, and only for, STATE users. */
@Serdeable
public record UserCommand(@Nullable String username, @Nullable String password, @Nullable Role role,
                          @Nullable StateCode state) {
}
