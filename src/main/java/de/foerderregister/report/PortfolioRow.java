package de.foerderregister.report;

import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import de.foerderregister.application.TrafficLight;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One approved project of the portfolio report, with its latest lights (null before its first status report). */
@Introspected
public record PortfolioRow(long id, String reference, String title, StateCode ownerState, FundingSource fundingSource,
                           LocalDate startDate, LocalDate endDate, @Nullable BigDecimal approvedAmount,
                           @Nullable TrafficLight schedule, @Nullable TrafficLight budget,
                           @Nullable TrafficLight quality, @Nullable TrafficLight overall,
                           @Nullable Instant reportedAt) {
}
