package de.foerderregister.application;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.math.BigDecimal;

/** An application's part of one calendar year, requested and approved. */
@MappedEntity("year_allocation")
public record YearAllocation(@EmbeddedId Key key, BigDecimal requested, BigDecimal approved) {

    @Embeddable
    public record Key(@MappedProperty("application_id") Long applicationId, @MappedProperty("year") Integer year) {
    }
}
