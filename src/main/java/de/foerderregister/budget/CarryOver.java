package de.foerderregister.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;

/** Übertragung: part of an unpaid approved share moved from one year of the runtime to a later one. Only ever added. */
@MappedEntity("carry_over")
@Serdeable
public record CarryOver(
        @Id @GeneratedValue @Nullable Long id,
        Long applicationId,
        Integer fromYear,
        Integer toYear,
        BigDecimal amount,
        String reason,
        String recordedBy,
        Instant recordedAt) {
}
