package de.foerderregister.report;

import de.foerderregister.application.ApplicationType;
import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What the year split needs of one application; {@code approved} already as of the filter's day. */
@Introspected
record SplitRow(long id, StateCode ownerState, ApplicationType type, FundingSource fundingSource,
                LocalDate startDate, LocalDate endDate, BigDecimal requested, BigDecimal approved) {
}
