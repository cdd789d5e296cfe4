package de.foerderregister.report;

import de.foerderregister.problem.BadRequest;
import de.foerderregister.problem.RuleCode;
import io.micronaut.core.annotation.Nullable;

/** {@code ?delimiter=}: ';' (German Excel, the default) or ','. */
public final class CsvDelimiter {

    private CsvDelimiter() {
    }

    public static char of(@Nullable String value) {
        if (value == null || value.isEmpty() || value.equals(";")) {
            return ';';
        }
        if (value.equals(",")) {
            return ',';
        }
        throw new BadRequest("delimiter", RuleCode.REPORT_DELIMITER);
    }
}
