package de.foerderregister.db;

import java.util.Collections;
import java.util.List;

/**
 * One INSERT statement for many rows ({@code VALUES (?, ?), (?, ?), …}). A JDBC batch of single-row
 * INSERTs still costs MariaDB a statement per row (Connector/J 3 pipelines them, it does not rewrite
 * them); one statement for a chunk's rows is what brings a bulk write near LOAD DATA.
 */
public final class MultiRowInsert {

    private MultiRowInsert() {
    }

    /** At most this many rows per statement: well within 65 535 placeholders and max_allowed_packet. */
    public static final int ROWS_MAX = 1000;

    /** The rows in statements' worth: consecutive parts of at most {@link #ROWS_MAX}. */
    public static <T> List<List<T>> slices(List<T> rows) {
        List<List<T>> slices = new java.util.ArrayList<>();
        for (int from = 0; from < rows.size(); from += ROWS_MAX) {
            slices.add(rows.subList(from, Math.min(rows.size(), from + ROWS_MAX)));
        }
        return slices;
    }

    /** {@code head} is "INSERT INTO table (a, b, c)"; the statement gets {@code rows} groups of {@code columns} placeholders. */
    public static String sql(String head, int columns, int rows) {
        String group = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return head + " VALUES " + String.join(", ", Collections.nCopies(rows, group));
    }
}
