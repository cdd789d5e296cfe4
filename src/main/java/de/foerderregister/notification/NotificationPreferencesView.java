package de.foerderregister.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** {@code GET /api/me/notifications}: where the user's mails go, in which language, and which kinds they receive. */
@Serdeable
public record NotificationPreferencesView(@Nullable String email, String language, List<KindSetting> kinds) {

    /** A kind that concerns the user's role, and whether they receive it. */
    @Serdeable
    public record KindSetting(NotificationKind kind, boolean enabled) {
    }
}
