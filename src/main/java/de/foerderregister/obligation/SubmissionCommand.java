package de.foerderregister.obligation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /api/applications/{id}/obligations/{oid}/submission}: the report's text (Sachbericht or cover note). */
@Serdeable
public record SubmissionCommand(@Nullable String text) {
}
