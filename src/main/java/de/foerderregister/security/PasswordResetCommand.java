package de.foerderregister.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /api/users/{username}/password}: an administrator sets a new password. */
@Serdeable
public record PasswordResetCommand(@Nullable String newPassword) {
}
