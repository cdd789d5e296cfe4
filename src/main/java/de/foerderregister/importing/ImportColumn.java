package de.foerderregister.importing;

import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.RuleCode;
import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The documented column set of an import file: the columns of the minutes' table
 * ({@code projects-2021-01-19.csv}) plus {@code funding_source}. Each column names the field of
 * {@link de.foerderregister.application.ApplicationRules} or of a decision it feeds, so an error
 * of a rule can be reported under the column the user sees in their spreadsheet.
 */
enum ImportColumn {
    TITLE("title", "title", true),
    OWNER_STATE("owner_state", "ownerState", true),
    TYPE("type", "type", true),
    FUNDING_SOURCE("funding_source", "fundingSource", false),
    START_DATE("start_date", "startDate", true),
    END_DATE("end_date", "endDate", true),
    REQUESTED_AMOUNT("requested_amount_eur", "requestedAmount", true),
    STATUS("status", "outcome", false),
    DECISION_BODY("decision_body", "body", false),
    DECISION_DATE("decision_date", "meetingDate", false),
    AGENDA_ITEM("agenda_item", "agendaItem", false),
    NOTES("notes", "notes", false),
    /** The minutes' note on how legible a row was: read, but not stored. */
    SOURCE_QUALITY("source_quality", null, false);

    private final String header;
    private final @Nullable String field;
    private final boolean requiredInHeader;

    ImportColumn(String header, @Nullable String field, boolean requiredInHeader) {
        this.header = header;
        this.field = field;
        this.requiredInHeader = requiredInHeader;
    }

    String header() {
        return header;
    }

    boolean requiredInHeader() {
        return requiredInHeader;
    }

    static boolean isKnown(String header) {
        return Arrays.stream(values()).anyMatch(column -> column.header.equals(header));
    }

    static List<ImportColumn> requiredInHeaderColumns() {
        return Arrays.stream(values()).filter(ImportColumn::requiredInHeader).toList();
    }

    /**
     * A rule's error under its column, with the arguments that name a field (the "startDate" of
     * {@link RuleCode#DATE_ORDER}) named as the column the user sees instead.
     */
    static FieldError inColumns(FieldError error) {
        String column = ofField(error.field()).map(ImportColumn::header).orElse(error.field());
        List<String> arguments = error.arguments() == null ? List.of() : error.arguments().stream()
                .map(argument -> Arrays.stream(values()).filter(named -> argument.equals(named.field))
                        .findFirst().map(ImportColumn::header).orElse(argument))
                .toList();
        return new FieldError(column, error.code(), arguments, null);
    }

    /** The column a rule's field name comes from; a decision's "kind" has no column and belongs to the status. */
    static Optional<ImportColumn> ofField(String field) {
        if ("kind".equals(field)) {
            return Optional.of(STATUS);
        }
        return Arrays.stream(values()).filter(column -> field.equals(column.field)).findFirst();
    }
}
