package de.foerderregister.decision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** The decisions of one agenda item, recorded together: all of them or none. */
@MappedEntity("meeting_batch")
public record MeetingBatch(
        @Id @GeneratedValue @Nullable Long id,
        String body,
        LocalDate meetingDate,
        String agendaItem,
        DecisionKind kind,
        String recordedBy,
        Instant recordedAt) {
}
