package de.foerderregister.report;

import io.micronaut.core.annotation.Nullable;

/**
 * Text bound for a spreadsheet cell. A cell that begins with = + - @, a tab or a carriage return
 * would be read as a formula by Excel or LibreOffice (CSV/formula injection); a leading
 * apostrophe makes it plain text again.
 */
public final class CellText {

    private CellText() {
    }

    public static @Nullable String safe(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
