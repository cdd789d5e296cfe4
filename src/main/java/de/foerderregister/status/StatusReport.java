package de.foerderregister.status;

import de.foerderregister.application.TrafficLight;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A status report (Statusbericht) as stored and answered; written once, never changed. */
@MappedEntity("status_report")
@Serdeable
public record StatusReport(
        @Id @GeneratedValue @Nullable Long id,
        long applicationId,
        TrafficLight schedule,
        TrafficLight budget,
        TrafficLight quality,
        @Nullable String comment,
        String reportedBy,
        Instant reportedAt) {
}
