package de.foerderregister.decision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A decision on one application: a row of its own, never edited or deleted. */
@MappedEntity("decision")
@Serdeable
public record Decision(
        @Id @GeneratedValue @Nullable Long id,
        Long applicationId,
        @Nullable Long batchId,
        Outcome outcome,
        @Nullable BigDecimal approvedAmount,
        String body,
        LocalDate meetingDate,
        String agendaItem,
        DecisionKind kind,
        @Nullable String note,
        String recordedBy,
        Instant recordedAt) {
}
