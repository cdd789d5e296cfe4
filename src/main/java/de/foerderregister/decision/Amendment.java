package de.foerderregister.decision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A change of an approved amount, as a ledger line: the amount before, net, VAT and the gross
 * that becomes the approved amount. One that needs a second pair of eyes takes effect only with
 * a confirming {@link AmendmentReview}.
 */
@MappedEntity("amendment")
public record Amendment(
        @Id @GeneratedValue @Nullable Long id,
        Long applicationId,
        BigDecimal previousAmount,
        BigDecimal netAmount,
        @Nullable BigDecimal vatRatePercent,
        BigDecimal vatAmount,
        BigDecimal grossAmount,
        String reason,
        String body,
        LocalDate meetingDate,
        String agendaItem,
        boolean needsSecondPair,
        String recordedBy,
        Instant recordedAt) {
}
