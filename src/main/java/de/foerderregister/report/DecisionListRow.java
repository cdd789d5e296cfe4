package de.foerderregister.report;

import de.foerderregister.application.ApplicationType;
import de.foerderregister.application.StateCode;
import de.foerderregister.decision.Outcome;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of a meeting's "Projekte" table: the application and what the meeting decided on it. */
@Introspected
public record DecisionListRow(
        String reference,
        String title,
        StateCode ownerState,
        ApplicationType type,
        LocalDate startDate,
        LocalDate endDate,
        BigDecimal requestedAmount,
        Outcome outcome,
        @Nullable BigDecimal decidedAmount,
        String body,
        String agendaItem,
        @Nullable String decisionNote,
        @Nullable String notes) {
}
