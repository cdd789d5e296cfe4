package de.foerderregister.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Money that came back from an application (Rückzahlung), against one year of it. Only ever added. */
@MappedEntity("repayment")
@Serdeable
public record Repayment(
        @Id @GeneratedValue @Nullable Long id,
        Long applicationId,
        Integer year,
        BigDecimal amount,
        LocalDate receivedOn,
        String reason,
        String recordedBy,
        Instant recordedAt) {
}
