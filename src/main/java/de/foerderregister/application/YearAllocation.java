package de.foerderregister.application;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.math.BigDecimal;

/**
 * An application's part of one calendar year, requested and approved. {@code carried} is what
 * carry-overs moved into the year (negative: out of it); {@code approved} already includes it.
 */
@MappedEntity("year_allocation")
public record YearAllocation(@EmbeddedId Key key, BigDecimal requested, BigDecimal approved, BigDecimal carried) {

    public int year() {
        return key.year();
    }

    @Embeddable
    public record Key(@MappedProperty("application_id") Long applicationId, @MappedProperty("year") Integer year) {
    }
}
