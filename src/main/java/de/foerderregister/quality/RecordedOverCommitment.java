package de.foerderregister.quality;

import de.foerderregister.application.FundingSource;
import de.foerderregister.budget.EnvelopeView;
import io.micronaut.core.annotation.Introspected;

/** A reason recorded for taking an envelope past its amount, and what did it. */
@Introspected
record RecordedOverCommitment(FundingSource fundingSource, int year, String cause, String reason) {

    String envelope() {
        return EnvelopeView.name(fundingSource, year);
    }
}
