package de.foerderregister.budget;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The budget's figures straight from the rows, to hold the API's answers against. */
@Singleton
class BudgetSql {

    private final DataSource dataSource;

    BudgetSql(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** The APPROVED applications' approved shares of the year, summed over their year parts. */
    BigDecimal committed(String source, int year) {
        return decimal("""
                SELECT COALESCE(SUM(y.approved), 0.00) FROM year_allocation y
                JOIN funding_application a ON a.id = y.application_id
                WHERE a.status = 'APPROVED' AND a.funding_source = ? AND y.year = ?""", source, year);
    }

    /** What the registry keeps as the source's approved total of the year. */
    BigDecimal keptTotal(String source, int year) {
        return decimal("SELECT COALESCE(MAX(approved), 0.00) FROM allocation_total WHERE funding_source = ? AND year = ?",
                source, year);
    }

    /** PAID payments of the year less its repayments, over the source's applications. */
    BigDecimal paid(String source, int year) {
        return decimal("""
                SELECT COALESCE((SELECT SUM(p.amount) FROM payment p JOIN funding_application a ON a.id = p.application_id
                                 WHERE p.status = 'PAID' AND a.funding_source = ? AND p.year = ?), 0.00)
                     - COALESCE((SELECT SUM(r.amount) FROM repayment r JOIN funding_application a ON a.id = r.application_id
                                 WHERE a.funding_source = ? AND r.year = ?), 0.00)""", source, year, source, year);
    }

    /** The over-commitments recorded for the envelope, oldest first, each as its columns. */
    List<Map<String, Object>> overCommitments(String source, int year) {
        return rows("SELECT * FROM over_commitment WHERE funding_source = ? AND year = ? ORDER BY id", source, year);
    }

    List<Map<String, Object>> rows(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = prepare(connection, sql, values);
             ResultSet result = query.executeQuery()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = prepare(connection, sql, values)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private BigDecimal decimal(String sql, Object... values) {
        return (BigDecimal) rows(sql, values).get(0).values().iterator().next();
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        return statement;
    }
}
