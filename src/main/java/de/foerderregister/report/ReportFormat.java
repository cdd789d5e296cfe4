package de.foerderregister.report;

import de.foerderregister.problem.BadRequest;
import de.foerderregister.problem.RuleCode;
import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The files a report can be had as. */
public enum ReportFormat {
    PDF("application/pdf"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("text/csv;charset=UTF-8");

    private final String mediaType;

    ReportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether cells of this format reach a spreadsheet, where text like {@code =1+2} would run as a formula. */
    boolean reachesSpreadsheets() {
        return this != PDF;
    }

    /** Reads {@code ?format=}; absent means the first of the allowed ones. */
    public static ReportFormat of(@Nullable String value, List<ReportFormat> allowed) {
        if (value == null || value.isBlank()) {
            return allowed.get(0);
        }
        return Arrays.stream(values())
                .filter(format -> format.extension().equalsIgnoreCase(value.strip()) && allowed.contains(format))
                .findFirst()
                .orElseThrow(() -> new BadRequest("format", RuleCode.REPORT_FORMAT,
                        allowed.stream().map(ReportFormat::extension).toList()));
    }
}
