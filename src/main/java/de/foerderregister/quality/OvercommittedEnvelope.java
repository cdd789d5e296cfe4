package de.foerderregister.quality;

import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;

/** An envelope whose committed total exceeds its amount. */
@Introspected
record OvercommittedEnvelope(String fundingSource, int year, BigDecimal amount, BigDecimal committed) {

    String name() {
        return fundingSource + "/" + year;
    }
}
