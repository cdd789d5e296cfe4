package de.foerderregister.report;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRField;

import java.util.Iterator;
import java.util.Map;

/**
 * Rows for a template, one map per row, read lazily so a large report never holds all its rows.
 * Texts are made formula-safe when the report goes to a spreadsheet.
 */
final class ReportRows implements JRDataSource {

    private final Iterator<? extends Map<String, ?>> rows;
    private final boolean spreadsheet;
    private Map<String, ?> current;

    ReportRows(Iterator<? extends Map<String, ?>> rows, ReportFormat format) {
        this.rows = rows;
        this.spreadsheet = format.reachesSpreadsheets();
    }

    @Override
    public boolean next() {
        current = rows.hasNext() ? rows.next() : null;
        return current != null;
    }

    @Override
    public Object getFieldValue(JRField field) {
        Object value = current.get(field.getName());
        return spreadsheet && value instanceof String text ? CellText.safe(text) : value;
    }
}
