package de.foerderregister.obligation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /api/applications/{id}/obligations/{oid}/return}: why FITKO sends the report back. */
@Serdeable
public record ReturnCommand(@Nullable String reason) {
}
