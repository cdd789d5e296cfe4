package de.foerderregister.importing;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
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
 * autocommit): the duplicate check of a chunk in one query, and a job's row outcomes in one batch.
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
     * date and title, compared as {@link ImportRepository#findDuplicate} compares them: titles by the
     * column's collation (ignoring case and accents), stored titles already trimmed.
     */
    Map<Integer, ExistingApplication> storedDuplicates(List<ImportRow> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        String keys = String.join(" UNION ALL ", Collections.nCopies(rows.size(), "SELECT ? AS file_row, ? AS owner_state, ? AS start_date, ? AS title"));
        String sql = "SELECT k.file_row, a.id, a.reference FROM (" + keys + ") k JOIN funding_application a"
                + " ON a.owner_state = k.owner_state COLLATE utf8mb4_unicode_ci AND a.start_date = k.start_date"
                + " AND a.title = k.title COLLATE utf8mb4_unicode_ci ORDER BY k.file_row, a.id";
        Map<Integer, ExistingApplication> found = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            int index = 1;
            for (ImportRow row : rows) {
                query.setInt(index++, row.source().number());
                query.setString(index++, row.ownerState().name());
                query.setDate(index++, Date.valueOf(row.startDate()));
                query.setString(index++, row.title().strip());
            }
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    found.putIfAbsent(result.getInt(1), new ExistingApplication(result.getLong(2), result.getString(3)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("the duplicate check of " + rows.size() + " rows failed: " + e.getMessage(), e);
        }
    }

    /** A job's row outcomes, in the transaction that wrote the rows' applications. */
    void insertOutcomes(long jobId, List<RowResult> results) {
        if (results.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO import_job_row (job_id, file_row, line_number, status, application_id, reference, title, note,
                  errors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (RowResult result : results) {
                insert.setLong(1, jobId);
                insert.setInt(2, result.row());
                insert.setLong(3, result.line());
                insert.setString(4, result.status().name());
                if (result.id() == null) {
                    insert.setNull(5, Types.BIGINT);
                } else {
                    insert.setLong(5, result.id());
                }
                insert.setString(6, result.reference());
                insert.setString(7, result.title());
                insert.setString(8, result.note());
                insert.setString(9, ImportService.write(json, result.errors()));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("storing " + results.size() + " row outcomes failed: " + e.getMessage(), e);
        }
    }
}
