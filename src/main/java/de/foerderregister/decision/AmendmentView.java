package de.foerderregister.decision;

import de.foerderregister.decision.AmendmentReview.ReviewOutcome;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A ledger line as the API shows it, with where it stands. */
@Serdeable
public record AmendmentView(
        long id,
        long applicationId,
        BigDecimal previousAmount,
        BigDecimal netAmount,
        @Nullable BigDecimal vatRatePercent,
        BigDecimal vatAmount,
        BigDecimal grossAmount,
        String reason,
        String body,
        LocalDate meetingDate,
        String agendaItem,
        State state,
        String recordedBy,
        Instant recordedAt,
        @Nullable String reviewedBy,
        @Nullable Instant reviewedAt) {

    /** EFFECTIVE at once, or PROPOSED until a second FITKO user CONFIRMED or DECLINED it. */
    public enum State {
        EFFECTIVE,
        PROPOSED,
        CONFIRMED,
        DECLINED
    }

    static AmendmentView of(Amendment amendment, @Nullable AmendmentReview review) {
        State state = !amendment.needsSecondPair() ? State.EFFECTIVE
                : review == null ? State.PROPOSED
                : review.outcome() == ReviewOutcome.CONFIRMED ? State.CONFIRMED : State.DECLINED;
        return new AmendmentView(amendment.id(), amendment.applicationId(), amendment.previousAmount(),
                amendment.netAmount(), amendment.vatRatePercent(), amendment.vatAmount(), amendment.grossAmount(),
                amendment.reason(), amendment.body(), amendment.meetingDate(), amendment.agendaItem(), state,
                amendment.recordedBy(), amendment.recordedAt(),
                review == null ? null : review.reviewedBy(), review == null ? null : review.reviewedAt());
    }

    boolean inEffect() {
        return state == State.EFFECTIVE || state == State.CONFIRMED;
    }
}
