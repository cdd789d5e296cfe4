package de.foerderregister.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /api/me/password}: users change their own password, proving they know the current one. */
@Serdeable
public record PasswordChangeCommand(@Nullable String currentPassword, @Nullable String newPassword) {
}
