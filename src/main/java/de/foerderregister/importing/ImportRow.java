package de.foerderregister.importing;

import de.foerderregister.system.GermanNotation;

import de.foerderregister.application.ApplicationCommand;
import de.foerderregister.application.ApplicationRules;
import de.foerderregister.application.ApplicationType;
import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import de.foerderregister.application.Status;
import de.foerderregister.decision.DecisionCommand;
import de.foerderregister.decision.DecisionKind;
import de.foerderregister.decision.DecisionService;
import de.foerderregister.decision.Outcome;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.RuleCode;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * One data row read and checked against the registry's own rules, before anything is written:
 * the cells parsed in the documented formats, then {@link ApplicationRules#accept} and the
 * decision rules of {@link DecisionService}. Every error names the column and the cell's value.
 *
 * @param target  the status the row asks for: DRAFT, SUBMITTED, or APPROVED (with {@code decision})
 * @param missing the columns whose empty cell broke an "is required" rule
 */
record ImportRow(CsvFile.Row source, @Nullable String title, @Nullable StateCode ownerState,
                 @Nullable LocalDate startDate, ApplicationCommand command, Status target,
                 @Nullable DecisionCommand decision, List<FieldError> errors, Set<ImportColumn> missing) {

    boolean isValid() {
        return errors.isEmpty();
    }

    /**
     * The key of the duplicate rule: owner state, title and start date. The title is trimmed and
     * compared ignoring case and accents, as the database's collation compares stored titles.
     */
    String duplicateKey() {
        return duplicateKey(ownerState, title, startDate);
    }

    /** The key of the duplicate rule for any application, stored or in a file. */
    static String duplicateKey(@Nullable StateCode ownerState, @Nullable String title, @Nullable LocalDate startDate) {
        String comparable = title == null ? "" : Normalizer.normalize(title.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return ownerState + "|" + comparable + "|" + startDate;
    }

    static ImportRow read(CsvFile.Row row, FundingSource defaultSource, Caller caller, DecisionService decisions,
                          ImportTexts texts) {
        Reader reader = new Reader(row, texts);
        String title = reader.text(ImportColumn.TITLE);
        StateCode state = reader.parse(ImportColumn.OWNER_STATE, StateCode::fromFileValue, RuleCode.IMPORT_STATE);
        ApplicationType type = reader.parse(ImportColumn.TYPE, ApplicationType::fromFileValue, RuleCode.IMPORT_TYPE);
        FundingSource source = reader.parse(ImportColumn.FUNDING_SOURCE, FundingSource::fromFileValue, RuleCode.IMPORT_SOURCE);
        LocalDate start = reader.date(ImportColumn.START_DATE);
        LocalDate end = reader.date(ImportColumn.END_DATE);
        BigDecimal amount = reader.parse(ImportColumn.REQUESTED_AMOUNT, GermanNotation::readAmount, RuleCode.IMPORT_AMOUNT);
        Status target = reader.parse(ImportColumn.STATUS, ImportRow::status, RuleCode.IMPORT_STATUS);
        ApplicationCommand command = new ApplicationCommand(title, state, type,
                source == null && reader.isEmpty(ImportColumn.FUNDING_SOURCE) ? defaultSource : source,
                start, end, amount, List.of(), reader.text(ImportColumn.NOTES));
        try {
            ApplicationRules.accept(command);
        } catch (InvalidInput e) {
            reader.ruleErrors(e.errors());
        }
        caller.stateScope().filter(own -> state != null && state != own).ifPresent(own ->
                reader.error(ImportColumn.OWNER_STATE, RuleCode.IMPORT_FOREIGN_STATE, own));
        DecisionCommand decision = null;
        if (target == null) {
            target = Status.DRAFT;
        } else if (target == Status.APPROVED) {
            if (caller.role() != Role.FITKO) {
                reader.error(ImportColumn.STATUS, RuleCode.IMPORT_APPROVED_FITKO_ONLY);
            } else {
                decision = new DecisionCommand(Outcome.APPROVED, amount, reader.text(ImportColumn.DECISION_BODY),
                        reader.date(ImportColumn.DECISION_DATE), reader.text(ImportColumn.AGENDA_ITEM),
                        DecisionKind.RESOLUTION, null, null);
                try {
                    decisions.requireValid(decision);
                } catch (InvalidInput e) {
                    // the decision's amount is the requested amount, whose rules were checked above
                    reader.ruleErrors(e.errors().stream().filter(error -> !"approvedAmount".equals(error.field())).toList());
                }
            }
        }
        return new ImportRow(row, title, state, start, command, target, decision, List.copyOf(reader.errors),
                reader.missing);
    }

    private static Status status(String text) {
        Status status = Status.valueOf(text.strip().toUpperCase(Locale.ROOT));
        if (status != Status.DRAFT && status != Status.SUBMITTED && status != Status.APPROVED) {
            throw new IllegalArgumentException(text);
        }
        return status;
    }

    /** Reads the cells of one row and collects its errors, one per column at most for unreadable cells. */
    private static final class Reader {

        private final CsvFile.Row row;
        private final ImportTexts texts;
        private final List<FieldError> errors = new ArrayList<>();
        private final Set<ImportColumn> unreadable = EnumSet.noneOf(ImportColumn.class);
        private final Set<ImportColumn> missing = new LinkedHashSet<>();

        Reader(CsvFile.Row row, ImportTexts texts) {
            this.row = row;
            this.texts = texts;
        }

        @Nullable String text(ImportColumn column) {
            String value = row.cells().get(column.header());
            return value == null || value.isBlank() ? null : value.strip();
        }

        boolean isEmpty(ImportColumn column) {
            return text(column) == null;
        }

        @Nullable LocalDate date(ImportColumn column) {
            return parse(column, GermanNotation::readDate, RuleCode.IMPORT_DATE);
        }

        /** The parsed cell, null where it is empty or unreadable (then the error is recorded here). */
        <T> @Nullable T parse(ImportColumn column, Function<String, T> parser, RuleCode expectation) {
            String value = text(column);
            if (value == null || unreadable.contains(column)) {
                return null;
            }
            T parsed;
            try {
                parsed = parser.apply(value);
            } catch (IllegalArgumentException e) {
                parsed = null;
            }
            if (parsed == null) {
                unreadable.add(column);
                error(column, expectation);
            }
            return parsed;
        }

        void error(ImportColumn column, RuleCode rule, Object... arguments) {
            error(column, new FieldError(column.header(), rule, arguments));
        }

        void error(ImportColumn column, FieldError error) {
            errors.add(texts.withCell(error, text(column)));
        }

        /** A rule's errors under their columns; a cell already reported as unreadable is not reported twice. */
        void ruleErrors(List<FieldError> ruleErrors) {
            for (FieldError error : ruleErrors) {
                ImportColumn column = ImportColumn.ofField(error.field()).orElseThrow(() ->
                        new IllegalStateException("no import column for the rule field " + error.field()));
                if (unreadable.contains(column)) {
                    continue;
                }
                if (text(column) == null && error.is(RuleCode.REQUIRED)) {
                    missing.add(column);
                    errors.add(texts.rule(row.cells().containsKey(column.header())
                            ? new FieldError(column.header(), RuleCode.IMPORT_CELL_EMPTY)
                            : new FieldError(column.header(), RuleCode.IMPORT_COLUMN_ABSENT, column.header())));
                } else {
                    error(column, ImportColumn.inColumns(error));
                }
            }
        }
    }
}
