package de.foerderregister.application;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A Projektantrag as stored. Changes go through {@link ApplicationService}, never in place elsewhere. */
@MappedEntity("funding_application")
public record FundingApplication(
        @Id @GeneratedValue @Nullable Long id,
        String reference,
        String title,
        StateCode ownerState,
        ApplicationType type,
        FundingSource fundingSource,
        LocalDate startDate,
        LocalDate endDate,
        BigDecimal requestedAmount,
        @Nullable BigDecimal approvedAmount,
        Status status,
        @Nullable String notes,
        @Nullable TrafficLight latestStatusSchedule,
        @Nullable TrafficLight latestStatusBudget,
        @Nullable TrafficLight latestStatusQuality,
        @Nullable TrafficLight latestStatusOverall,
        @Nullable Instant latestStatusReportedAt,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version) {

    static FundingApplication draft(String reference, ApplicationContent content, String createdBy, Instant now) {
        return new FundingApplication(null, reference, content.title(), content.ownerState(), content.type(),
                content.fundingSource(), content.startDate(), content.endDate(), content.requestedAmount(),
                null, Status.DRAFT, content.notes(), null, null, null, null, null, createdBy, now, now, null);
    }

    /**
     * For a batch that stores the application once in the state several writes would have left it:
     * with the id the insert gave it and the version those writes would have counted up to.
     */
    FundingApplication stored(@Nullable Long storedId, long storedVersion) {
        return new FundingApplication(storedId, reference, title, ownerState, type, fundingSource, startDate, endDate,
                requestedAmount, approvedAmount, status, notes, latestStatusSchedule, latestStatusBudget,
                latestStatusQuality, latestStatusOverall, latestStatusReportedAt, createdBy, createdAt, updatedAt,
                storedVersion);
    }

    FundingApplication withContent(ApplicationContent content, Instant now) {
        return new FundingApplication(id, reference, content.title(), content.ownerState(), content.type(),
                content.fundingSource(), content.startDate(), content.endDate(), content.requestedAmount(),
                approvedAmount, status, content.notes(), latestStatusSchedule, latestStatusBudget, latestStatusQuality,
                latestStatusOverall, latestStatusReportedAt, createdBy, createdAt, now, version);
    }

    FundingApplication withStatus(Status next, Instant now) {
        return decided(next, approvedAmount, now);
    }

    /** The application after a decision: the status move checked by the state machine, the approved amount set. */
    public FundingApplication decided(Status next, @Nullable BigDecimal approved, Instant now) {
        return new FundingApplication(id, reference, title, ownerState, type, fundingSource, startDate, endDate,
                requestedAmount, approved, status.moveTo(next), notes, latestStatusSchedule, latestStatusBudget,
                latestStatusQuality, latestStatusOverall, latestStatusReportedAt, createdBy, createdAt, now, version);
    }

    /** The application after an amendment took effect, or with a pending one noted: the status stays. */
    public FundingApplication amended(BigDecimal approved, Instant now) {
        return new FundingApplication(id, reference, title, ownerState, type, fundingSource, startDate, endDate,
                requestedAmount, approved, status, notes, latestStatusSchedule, latestStatusBudget,
                latestStatusQuality, latestStatusOverall, latestStatusReportedAt, createdBy, createdAt, now, version);
    }

    /**
     * The lights of the latest status report, or null before the first. They are columns of the
     * application (kept by {@link ApplicationService#keepLatestStatus}) rather than an embedded
     * value, which Micronaut Data would try to instantiate empty on every write.
     */
    public @Nullable LatestStatus latestStatus() {
        return latestStatusReportedAt == null ? null : new LatestStatus(latestStatusSchedule, latestStatusBudget,
                latestStatusQuality, latestStatusOverall, latestStatusReportedAt);
    }
}
