package de.foerderregister.quality;

import io.micronaut.core.annotation.Introspected;

/** A reason recorded for taking an envelope past its amount, and what did it. */
@Introspected
record OverCommitmentReasonRow(String fundingSource, int year, String cause, String reason) {

    String envelope() {
        return fundingSource + "/" + year;
    }
}
