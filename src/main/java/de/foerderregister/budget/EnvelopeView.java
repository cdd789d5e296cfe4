package de.foerderregister.budget;

import de.foerderregister.application.FundingSource;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An envelope with its figures: {@code committed} is the APPROVED applications' approved shares of the
 * year, {@code paid} the payments paid in it less repayments, {@code available} the amount less what
 * is committed (negative where the envelope is over-committed).
 */
@Introspected
@Serdeable
public record EnvelopeView(FundingSource fundingSource, int year, BigDecimal amount, BigDecimal committed,
                           BigDecimal paid, BigDecimal available, String reason, String setBy, Instant setAt) {

    /** How the audit trail, the findings and the texts name an envelope: {@code DIGITALISATION_BUDGET/2025}. */
    public static String name(FundingSource source, int year) {
        return source.name() + "/" + year;
    }
}
