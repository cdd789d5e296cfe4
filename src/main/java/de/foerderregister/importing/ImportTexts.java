package de.foerderregister.importing;

import de.foerderregister.problem.FieldError;
import de.foerderregister.system.Messages;
import io.micronaut.core.annotation.Nullable;

import java.util.Locale;

/**
 * Words an import's row errors in the language of the answer. A row error is the rule's own text,
 * and for a cell that was read, what the cell held: the user finds the cell in their spreadsheet.
 */
record ImportTexts(Messages messages, Locale locale) {

    FieldError rule(FieldError error) {
        return error.worded(messages, locale);
    }

    /** The rule's text followed by the cell's value, or by the note that the cell is empty. */
    FieldError withCell(FieldError error, @Nullable String value) {
        String cell = value == null ? messages.text(locale, "import.cell.empty")
                : messages.text(locale, "import.cell.value", value);
        return error.withMessage(rule(error).message() + " " + cell);
    }
}
