package de.foerderregister.application;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An application as the API answers it. {@code version} is also sent as the ETag; it guards the
 * application's own content, which a status report does not change, so {@code latestStatus} (the
 * lights of the latest status report, absent before the first) moves without it.
 */
@Serdeable
public record ApplicationView(
        long id,
        String reference,
        String title,
        StateCode ownerState,
        ApplicationType type,
        FundingSource fundingSource,
        LocalDate startDate,
        LocalDate endDate,
        BigDecimal requestedAmount,
        List<AnnualPlanEntry> annualPlan,
        @Nullable BigDecimal approvedAmount,
        Status status,
        @Nullable String notes,
        @Nullable LatestStatus latestStatus,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static ApplicationView of(FundingApplication application, List<AnnualPlanLine> plan) {
        return new ApplicationView(application.id(), application.reference(), application.title(),
                application.ownerState(), application.type(), application.fundingSource(), application.startDate(),
                application.endDate(), application.requestedAmount(),
                plan.stream().map(line -> new AnnualPlanEntry(line.year(), line.amount())).toList(),
                application.approvedAmount(), application.status(), application.notes(), application.latestStatus(),
                application.createdBy(), application.createdAt(), application.updatedAt(),
                Objects.requireNonNull(application.version()));
    }

    /** The same application with the approved amount as it stood on another day. */
    ApplicationView withApprovedAmount(@Nullable BigDecimal amount) {
        return new ApplicationView(id, reference, title, ownerState, type, fundingSource, startDate, endDate,
                requestedAmount, annualPlan, amount, status, notes, latestStatus, createdBy, createdAt, updatedAt, version);
    }

    /** The values the audit trail compares, field by field, as they read in the history. */
    Map<String, String> auditFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("reference", reference);
        fields.put("title", title);
        fields.put("ownerState", ownerState.name());
        fields.put("type", type.name());
        fields.put("fundingSource", fundingSource.name());
        fields.put("startDate", startDate.toString());
        fields.put("endDate", endDate.toString());
        fields.put("requestedAmount", requestedAmount.toPlainString());
        fields.put("annualPlan", annualPlan.isEmpty() ? null : annualPlan.stream()
                .map(entry -> entry.year() + ": " + entry.amount().toPlainString())
                .collect(Collectors.joining("; ")));
        fields.put("approvedAmount", approvedAmount == null ? null : approvedAmount.toPlainString());
        fields.put("status", status.name());
        fields.put("notes", notes);
        return fields;
    }
}
