package de.foerderregister.audit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How the audit chain is keyed and anchored.
 *
 * @param key         the current HMAC key, base64 of at least 32 bytes ({@code REGISTRY_AUDIT_KEY});
 *                    without it the key is read from, or created in, {@code audit-keys/<keyId>.key}
 *                    in the registry home
 * @param keyId       the name under which new events record their key; a new id rotates the key
 * @param anchorEvery after how many events written by this instance the head is anchored at once
 *                    (the timer, {@code registry.audit.anchor-interval}, anchors a moved head as well)
 */
@ConfigurationProperties("registry.audit")
public record AuditSettings(@Nullable String key,
                            @Bindable(defaultValue = "k1") String keyId,
                            @Bindable(defaultValue = "100") int anchorEvery) {
}
