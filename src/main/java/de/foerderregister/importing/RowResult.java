package de.foerderregister.importing;

import de.foerderregister.problem.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * One row of the answer. {@code row} counts data rows from 1 (the header is not one), {@code line}
 * is the file line the row starts on (the spreadsheet's row number). {@code id} and
 * {@code reference} name the created application, or for a DUPLICATE the existing one;
 * {@code note} says what a DUPLICATE row duplicates.
 */
@Serdeable
public record RowResult(int row, long line, RowStatus status, @Nullable Long id, @Nullable String reference,
                        @Nullable String title, @Nullable String note, List<FieldError> errors) {

    static RowResult error(ImportRow row, List<FieldError> errors) {
        return new RowResult(row.source().number(), row.source().line(), RowStatus.ERROR, null, null, row.title(), null,
                errors);
    }

    static RowResult of(ImportRow row, RowStatus status, @Nullable Long id, @Nullable String reference,
                        @Nullable String note) {
        return new RowResult(row.source().number(), row.source().line(), status, id, reference, row.title(), note,
                List.of());
    }
}
