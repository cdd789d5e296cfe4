package de.foerderregister.budget;

import de.foerderregister.application.FundingSource;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.RuleCode;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/**
 * One envelope a change took past its amount: {@code committed} is the source's approved total of
 * the year after the change. {@code field} names the request's part that caused it (an item of a
 * batch), {@code applicationId} the application changed (none when the envelope itself was lowered).
 */
public record Shortfall(String field, @Nullable Long applicationId, FundingSource fundingSource, int year,
                 BigDecimal envelope, BigDecimal committed) {

    BigDecimal shortfall() {
        return committed.subtract(envelope);
    }

    /** The envelope's name in the audit trail and in texts: {@code DIGITALISATION_BUDGET/2025}. */
    String envelopeName() {
        return EnvelopeView.name(fundingSource, year);
    }

    FieldError error() {
        return new FieldError(field, RuleCode.ENVELOPE_EXCEEDED, fundingSource.name(), year, envelope.toPlainString(),
                committed.toPlainString(), shortfall().toPlainString());
    }
}
