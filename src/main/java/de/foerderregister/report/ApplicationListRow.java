package de.foerderregister.report;

import de.foerderregister.application.ApplicationType;
import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import de.foerderregister.application.Status;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of the detail list. */
@Introspected
public record ApplicationListRow(long id, String reference, String title, StateCode ownerState, ApplicationType type,
                                 FundingSource fundingSource, LocalDate startDate, LocalDate endDate, Status status,
                                 BigDecimal requestedAmount, @Nullable BigDecimal approvedAmount) {
}
