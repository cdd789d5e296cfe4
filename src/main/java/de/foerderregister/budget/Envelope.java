package de.foerderregister.budget;

import de.foerderregister.application.FundingSource;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.math.BigDecimal;
import java.time.Instant;

/** The money the IT-Planungsrat has for a funding source in a calendar year (Mittelrahmen), as FINANCE last set it. */
@MappedEntity("budget_envelope")
record Envelope(@EmbeddedId Key key, BigDecimal amount, String reason, String setBy, Instant setAt, Long version) {

    @Embeddable
    record Key(@MappedProperty("funding_source") FundingSource fundingSource, @MappedProperty("year") Integer year) {
    }
}
