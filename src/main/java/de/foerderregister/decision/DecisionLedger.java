package de.foerderregister.decision;

import de.foerderregister.application.ApprovedAmounts;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the decisions and amendments of an application. The approved amount on a day is defined
 * once, in {@link ApprovedAmountSql}.
 */
@Singleton
public class DecisionLedger implements ApprovedAmounts {

    private final DecisionRepository decisions;
    private final AmendmentRepository amendments;
    private final AmendmentReviewRepository reviews;

    public DecisionLedger(DecisionRepository decisions, AmendmentRepository amendments, AmendmentReviewRepository reviews) {
        this.decisions = decisions;
        this.amendments = amendments;
        this.reviews = reviews;
    }

    @Override
    @Transactional
    public Optional<BigDecimal> asOf(long applicationId, LocalDate day) {
        return decisions.approvedAsOf(applicationId, day);
    }

    /** The meeting of the latest amendment not declined: a later amendment cannot have been decided before it. */
    Optional<LocalDate> lastAmendmentMeeting(long applicationId) {
        return amendments(applicationId).stream()
                .filter(amendment -> amendment.state() != AmendmentView.State.DECLINED)
                .map(AmendmentView::meetingDate)
                .max(Comparator.naturalOrder());
    }

    @Transactional
    public List<Decision> decisions(long applicationId) {
        return decisions.findByApplicationIdOrderById(applicationId);
    }

    @Transactional
    public List<AmendmentView> amendments(long applicationId) {
        List<Amendment> lines = amendments.findByApplicationIdOrderById(applicationId);
        Map<Long, AmendmentReview> reviewed = lines.isEmpty() ? Map.of()
                : reviews.findByAmendmentIdIn(lines.stream().map(Amendment::id).toList()).stream()
                .collect(Collectors.toMap(AmendmentReview::amendmentId, Function.identity()));
        return lines.stream().map(line -> AmendmentView.of(line, reviewed.get(line.id()))).toList();
    }

    /**
     * The approved amount last settled by two people: the gross of the latest confirmed
     * amendment, else the approving decision's amount. Four eyes are measured from here.
     */
    BigDecimal settledAmount(long applicationId) {
        return amendments(applicationId).stream()
                .filter(amendment -> amendment.state() == AmendmentView.State.CONFIRMED)
                .reduce((first, second) -> second)
                .map(AmendmentView::grossAmount)
                .orElseGet(() -> approval(applicationId).orElseThrow().approvedAmount());
    }

    /** The decision that approved the application, if one did. */
    public Optional<Decision> approval(long applicationId) {
        return decisions.findByApplicationIdOrderById(applicationId).stream()
                .filter(decision -> decision.outcome() == Outcome.APPROVED)
                .reduce((first, second) -> second);
    }
}
