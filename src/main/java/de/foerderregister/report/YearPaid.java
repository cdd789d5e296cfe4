package de.foerderregister.report;

import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;

/** What was paid against one year of one application, less repayments. */
@Introspected
record YearPaid(long applicationId, int year, BigDecimal paid) {
}
