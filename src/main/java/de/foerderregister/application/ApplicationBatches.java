package de.foerderregister.application;

import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Many new applications and their year splits in a few statements, for an import's chunk: plain
 * JDBC batches on the caller's transaction, because Micronaut Data does not batch inserts for the
 * MYSQL dialect (one round trip per row). The values are stored exactly as the repositories store
 * them, so what is read back (and hashed into the audit trail) is the same.
 */
@Singleton
class ApplicationBatches {

    private static final String INSERT_APPLICATION = """
            INSERT INTO funding_application (reference, title, owner_state, type, funding_source, start_date, end_date,
              requested_amount, approved_amount, status, notes, created_by, created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_ALLOCATION = """
            INSERT INTO year_allocation (application_id, year, requested, approved, carried) VALUES (?, ?, ?, ?, ?)""";

    /** The transaction's own connection: Micronaut Data's data source hands out the one bound to it. */
    private final DataSource dataSource;

    ApplicationBatches(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts the applications (without ids, with their versions) in order and answers them with their ids. */
    List<FundingApplication> insert(List<FundingApplication> applications) {
        if (applications.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_APPLICATION)) {
                for (FundingApplication a : applications) {
                    insert.setString(1, a.reference());
                    insert.setString(2, a.title());
                    insert.setString(3, a.ownerState().name());
                    insert.setString(4, a.type().name());
                    insert.setString(5, a.fundingSource().name());
                    insert.setDate(6, Date.valueOf(a.startDate()));
                    insert.setDate(7, Date.valueOf(a.endDate()));
                    insert.setBigDecimal(8, a.requestedAmount());
                    insert.setBigDecimal(9, a.approvedAmount());
                    insert.setString(10, a.status().name());
                    if (a.notes() == null) {
                        insert.setNull(11, Types.VARCHAR);
                    } else {
                        insert.setString(11, a.notes());
                    }
                    insert.setString(12, a.createdBy());
                    insert.setTimestamp(13, Timestamp.from(a.createdAt()));
                    insert.setTimestamp(14, Timestamp.from(a.updatedAt()));
                    insert.setLong(15, a.version());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Map<String, Long> ids = idsOf(connection, applications.stream().map(FundingApplication::reference).toList());
            List<FundingApplication> stored = new ArrayList<>(applications.size());
            applications.forEach(a -> stored.add(a.stored(ids.get(a.reference()), a.version())));
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("inserting " + applications.size() + " applications failed: " + e.getMessage(), e);
        }
    }

    void insertAllocations(List<YearAllocation> allocations) {
        if (allocations.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT_ALLOCATION)) {
            for (YearAllocation allocation : allocations) {
                insert.setLong(1, allocation.key().applicationId());
                insert.setInt(2, allocation.year());
                insert.setBigDecimal(3, allocation.requested());
                insert.setBigDecimal(4, allocation.approved());
                insert.setBigDecimal(5, allocation.carried());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("inserting " + allocations.size() + " year allocations failed: " + e.getMessage(), e);
        }
    }

    /** References are unique: the ids the batch's rows were given, by reference. */
    private static Map<String, Long> idsOf(Connection connection, List<String> references) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        String placeholders = String.join(",", Collections.nCopies(references.size(), "?"));
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, reference FROM funding_application WHERE reference IN (" + placeholders + ")")) {
            for (int i = 0; i < references.size(); i++) {
                query.setString(i + 1, references.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.put(rows.getString(2), rows.getLong(1));
                }
            }
        }
        if (ids.size() != references.size()) {
            throw new IllegalStateException("found " + ids.size() + " of " + references.size() + " inserted applications");
        }
        return ids;
    }
}
