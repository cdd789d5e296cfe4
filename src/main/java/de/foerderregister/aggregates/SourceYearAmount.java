package de.foerderregister.aggregates;

import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;

/** A kept or computed amount of one funding source × year. */
@Introspected
record SourceYearAmount(String fundingSource, int year, BigDecimal amount) {

    String group() {
        return fundingSource + "/" + year;
    }
}
