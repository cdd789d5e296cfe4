package de.foerderregister.importing;

import de.foerderregister.application.StateCode;
import de.foerderregister.db.MultiRowInsert;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The set-based statements of an import's chunk, in plain JDBC on the caller's transaction (or
 * autocommit): the duplicate check of a chunk in one query, and a job's row outcomes in multi-row INSERTs.
 * The statements are built from placeholders only, never from the file's content.
 */
@Singleton
class ImportBatches {

    private final DataSource dataSource;
    private final ObjectMapper json;

    ImportBatches(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * For each row (by its number) the first stored application with the same owner state, start
     * date and title. One query finds the stored applications whose title the column's collation
     * (ignoring case and accents) takes for one of the rows' titles, by the title's index; each row
     * then takes the first of them with its owner state, start date and {@link ImportRow#duplicateKey
     * key}, the comparison the file's own duplicates get. (A join of the rows' keys as a derived
     * table did the same in SQL, but MariaDB read the table for every row: 14 s per 1 000 rows.)
     */
    Map<Integer, ExistingApplication> storedDuplicates(List<ImportRow> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        List<String> titles = rows.stream().map(row -> row.title().strip()).distinct().toList();
        String sql = "SELECT id, reference, owner_state, start_date, title FROM funding_application WHERE title IN ("
                + String.join(",", Collections.nCopies(titles.size(), "?")) + ") ORDER BY id";
        Map<String, ExistingApplication> firstByKey = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < titles.size(); i++) {
                query.setString(i + 1, titles.get(i));
            }
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    firstByKey.putIfAbsent(ImportRow.duplicateKey(StateCode.valueOf(result.getString(3)),
                            result.getString(5), result.getDate(4).toLocalDate()),
                            new ExistingApplication(result.getLong(1), result.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the duplicate check of " + rows.size() + " rows failed: " + e.getMessage(), e);
        }
        Map<Integer, ExistingApplication> found = new HashMap<>();
        for (ImportRow row : rows) {
            ExistingApplication existing = firstByKey.get(row.duplicateKey());
            if (existing != null) {
                found.put(row.source().number(), existing);
            }
        }
        return found;
    }

    /** A job's row outcomes, in the transaction that wrote the rows' applications. */
    void insertOutcomes(long jobId, List<RowResult> results) {
        MultiRowInsert.slices(results).forEach(slice -> insertOutcomeSlice(jobId, slice));
    }

    private void insertOutcomeSlice(long jobId, List<RowResult> results) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                MultiRowInsert.sql("INSERT INTO import_job_row (job_id, file_row, line_number, status, application_id,"
                        + " reference, title, note, errors)", 9, results.size()))) {
            int at = 0;
            for (RowResult result : results) {
                insert.setLong(at + 1, jobId);
                insert.setInt(at + 2, result.row());
                insert.setLong(at + 3, result.line());
                insert.setString(at + 4, result.status().name());
                if (result.id() == null) {
                    insert.setNull(at + 5, Types.BIGINT);
                } else {
                    insert.setLong(at + 5, result.id());
                }
                insert.setString(at + 6, result.reference());
                insert.setString(at + 7, result.title());
                insert.setString(at + 8, result.note());
                insert.setString(at + 9, ImportService.write(json, result.errors()));
                at += 9;
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("storing " + results.size() + " row outcomes failed: " + e.getMessage(), e);
        }
    }
}
