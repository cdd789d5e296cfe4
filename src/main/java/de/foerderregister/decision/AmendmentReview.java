package de.foerderregister.decision;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The second FITKO user's word on a proposed amendment. */
@MappedEntity("amendment_review")
public record AmendmentReview(@Id Long amendmentId, ReviewOutcome outcome, String reviewedBy, Instant reviewedAt) {

    public enum ReviewOutcome {
        CONFIRMED,
        DECLINED
    }
}
