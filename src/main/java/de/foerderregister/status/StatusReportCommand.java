package de.foerderregister.status;

import de.foerderregister.application.TrafficLight;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code POST /api/applications/{id}/status-reports}: each light required; the comment (plain text,
 * up to 4000 characters) is required as soon as one light is not green, and optional otherwise.
 */
@Serdeable
public record StatusReportCommand(
        @Nullable TrafficLight schedule,
        @Nullable TrafficLight budget,
        @Nullable TrafficLight quality,
        @Nullable String comment) {
}
