package de.foerderregister.application;

import de.foerderregister.db.MultiRowInsert;
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
 * Many new applications and their year splits in a few statements, for an import's chunk: one
 * multi-row INSERT each, in plain JDBC on the caller's transaction, because Micronaut Data does not batch inserts for the
 * MYSQL dialect (one round trip per row). The values are stored exactly as the repositories store
 * them, so what is read back (and hashed into the audit trail) is the same.
 */
@Singleton
class ApplicationBatches {

    private static final String INSERT_APPLICATION = """
            INSERT INTO funding_application (reference, title, owner_state, type, funding_source, start_date, end_date,
              requested_amount, approved_amount, status, notes, created_by, created_at, updated_at, version)""";
    private static final String INSERT_ALLOCATION = "INSERT INTO year_allocation (application_id, year, requested, approved, carried)";

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
            for (List<FundingApplication> slice : MultiRowInsert.slices(applications)) {
                insertSlice(connection, slice);
            }
            Map<String, Long> ids = idsOf(connection, applications.stream().map(FundingApplication::reference).toList());
            List<FundingApplication> stored = new ArrayList<>(applications.size());
            applications.forEach(a -> stored.add(a.stored(ids.get(a.reference()), a.version())));
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("inserting " + applications.size() + " applications failed: " + e.getMessage(), e);
        }
    }

    private static void insertSlice(Connection connection, List<FundingApplication> applications) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                MultiRowInsert.sql(INSERT_APPLICATION, 15, applications.size()))) {
            int at = 0;
            for (FundingApplication a : applications) {
                insert.setString(at + 1, a.reference());
                insert.setString(at + 2, a.title());
                insert.setString(at + 3, a.ownerState().name());
                insert.setString(at + 4, a.type().name());
                insert.setString(at + 5, a.fundingSource().name());
                insert.setDate(at + 6, Date.valueOf(a.startDate()));
                insert.setDate(at + 7, Date.valueOf(a.endDate()));
                insert.setBigDecimal(at + 8, a.requestedAmount());
                insert.setBigDecimal(at + 9, a.approvedAmount());
                insert.setString(at + 10, a.status().name());
                if (a.notes() == null) {
                    insert.setNull(at + 11, Types.VARCHAR);
                } else {
                    insert.setString(at + 11, a.notes());
                }
                insert.setString(at + 12, a.createdBy());
                insert.setTimestamp(at + 13, Timestamp.from(a.createdAt()));
                insert.setTimestamp(at + 14, Timestamp.from(a.updatedAt()));
                insert.setLong(at + 15, a.version());
                at += 15;
            }
            insert.executeUpdate();
        }
    }

    void insertAllocations(List<YearAllocation> allocations) {
        for (List<YearAllocation> slice : MultiRowInsert.slices(allocations)) {
            insertAllocationSlice(slice);
        }
    }

    private void insertAllocationSlice(List<YearAllocation> allocations) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     MultiRowInsert.sql(INSERT_ALLOCATION, 5, allocations.size()))) {
            int at = 0;
            for (YearAllocation allocation : allocations) {
                insert.setLong(at + 1, allocation.key().applicationId());
                insert.setInt(at + 2, allocation.year());
                insert.setBigDecimal(at + 3, allocation.requested());
                insert.setBigDecimal(at + 4, allocation.approved());
                insert.setBigDecimal(at + 5, allocation.carried());
                at += 5;
            }
            insert.executeUpdate();
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
