package de.foerderregister.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * {@code PUT /api/me/notifications}: only the given fields change. An empty {@code email} removes the
 * address; a new address, or none, needs {@code currentPassword}. {@code optOuts} is the whole set of
 * kinds the user does not want (an empty list: every kind).
 */
@Serdeable
public record NotificationPreferencesCommand(@Nullable String email, @Nullable String language,
                                             @Nullable List<String> optOuts, @Nullable String currentPassword) {
}
