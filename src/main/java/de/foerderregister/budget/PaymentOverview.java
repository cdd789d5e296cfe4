package de.foerderregister.budget;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * {@code GET /api/applications/{id}/payments}: the payments and repayments of an application and,
 * per year and in all, what was approved, claimed, paid and repaid, and what may still be requested.
 */
@Serdeable
public record PaymentOverview(long applicationId, List<YearFigures> years, TotalFigures totals,
                              List<Payment> payments, List<Repayment> repayments) {
}
