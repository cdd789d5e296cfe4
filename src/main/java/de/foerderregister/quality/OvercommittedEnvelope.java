package de.foerderregister.quality;

import de.foerderregister.application.FundingSource;
import de.foerderregister.budget.EnvelopeView;
import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;

/** An envelope whose committed total exceeds its amount. */
@Introspected
record OvercommittedEnvelope(FundingSource fundingSource, int year, BigDecimal amount, BigDecimal committed) {

    String name() {
        return EnvelopeView.name(fundingSource, year);
    }
}
