package de.foerderregister.application;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * {@code GET /api/applications/{id}/years}: an application's part of one calendar year, requested
 * and approved; {@code carried} is what carry-overs moved into the year (negative: out of it), and
 * {@code approved} already includes it.
 */
@Serdeable
public record YearShare(int year, BigDecimal requested, BigDecimal approved, BigDecimal carried) {

    static YearShare of(YearAllocation allocation) {
        return new YearShare(allocation.year(), allocation.requested(), allocation.approved(), allocation.carried());
    }
}
