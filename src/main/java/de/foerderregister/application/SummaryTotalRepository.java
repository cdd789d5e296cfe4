package de.foerderregister.application;

import de.foerderregister.db.WriteLanes;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * The budget summary's kept figures ({@code summary_total}, V21) and the statement that computes them
 * from the rows: for some applications (their share, before and after a change) or for all (verify,
 * repair, and the migration and bulk seed, which hold the same statement).
 *
 * <p>The figures are kept per write lane (V23, {@link WriteLanes}): a writer adds its differences to its
 * own lane's rows, so writers on two nodes of a cluster never write the same row; a group's figures are
 * the sum over its lanes, and every reader sums. A lane's row alone means nothing (it may be negative).
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface SummaryTotalRepository extends GenericRepository<FundingApplication, Long> {

    String COLUMNS = "owner_state, type, funding_source, status, year, members, counted, requested, approved, paid";

    String FIGURES = " c.owner_state AS owner_state, c.type AS type, c.funding_source AS funding_source,"
            + " c.status AS status, c.year AS year, SUM(c.members) AS members, SUM(c.counted) AS counted,"
            + " SUM(c.requested) AS requested, SUM(c.approved) AS approved, SUM(c.paid) AS paid FROM ";

    /** Each payment and repayment counts twice: in its whole application (year 0) and in its year. */
    String MOVED_TWICE = " CROSS JOIN (SELECT 0 AS whole UNION ALL SELECT 1) w";

    String MOVED_YEAR = "CASE WHEN w.whole = 1 THEN 0 ELSE m.year END";

    String BY_KEY = " GROUP BY c.owner_state, c.type, c.funding_source, c.status, c.year";

    /** The figures of the applications {@code :ids}, after {@link #FIGURES}. */
    String OF_IDS_GROUPED = "(SELECT a.owner_state, a.type, a.funding_source, a.status, 0 AS year, 1 AS members, 1 AS counted,"
            + " a.requested_amount AS requested, COALESCE(a.approved_amount, 0.00) AS approved, 0.00 AS paid"
            + " FROM funding_application a WHERE a.id IN (:ids)"
            + " UNION ALL SELECT a.owner_state, a.type, a.funding_source, a.status, y.year, 1,"
            + " CASE WHEN y.requested <> 0 THEN 1 ELSE 0 END, y.requested, y.approved, 0.00"
            + " FROM year_allocation y JOIN funding_application a ON a.id = y.application_id WHERE y.application_id IN (:ids)"
            + " UNION ALL SELECT a.owner_state, a.type, a.funding_source, a.status, " + MOVED_YEAR + ", 0, 0, 0.00, 0.00, m.amount"
            + " FROM (SELECT application_id, year, amount FROM payment WHERE status = 'PAID' AND application_id IN (:ids)"
            + " UNION ALL SELECT application_id, year, -amount FROM repayment WHERE application_id IN (:ids)) m"
            + " JOIN funding_application a ON a.id = m.application_id" + MOVED_TWICE + ") c" + BY_KEY;

    /** The figures of the applications {@code :ids}. */
    String OF_IDS = "SELECT" + FIGURES + OF_IDS_GROUPED;

    /** The figures of every application: the statement of V21, of {@code bench/seed.sql} and of a repair. */
    String OF_ALL = "SELECT" + FIGURES
            + "(SELECT a.owner_state, a.type, a.funding_source, a.status, 0 AS year, 1 AS members, 1 AS counted,"
            + " a.requested_amount AS requested, COALESCE(a.approved_amount, 0.00) AS approved, 0.00 AS paid"
            + " FROM funding_application a"
            + " UNION ALL SELECT a.owner_state, a.type, a.funding_source, a.status, y.year, 1,"
            + " CASE WHEN y.requested <> 0 THEN 1 ELSE 0 END, y.requested, y.approved, 0.00"
            + " FROM year_allocation y JOIN funding_application a ON a.id = y.application_id"
            + " UNION ALL SELECT a.owner_state, a.type, a.funding_source, a.status, " + MOVED_YEAR + ", 0, 0, 0.00, 0.00, m.amount"
            + " FROM (SELECT application_id, year, amount FROM payment WHERE status = 'PAID'"
            + " UNION ALL SELECT application_id, year, -amount FROM repayment) m"
            + " JOIN funding_application a ON a.id = m.application_id" + MOVED_TWICE + ") c" + BY_KEY;

    String ADD = " ON DUPLICATE KEY UPDATE members = members + VALUES(members), counted = counted + VALUES(counted),"
            + " requested = requested + VALUES(requested), approved = approved + VALUES(approved), paid = paid + VALUES(paid)";

    /** The current figures of these applications, as this transaction sees them. */
    @Query(OF_IDS)
    List<SummaryRow> figuresOf(Collection<Long> ids);

    /** Every group's figures computed from the rows. */
    @Query(OF_ALL + " ORDER BY c.owner_state, c.type, c.funding_source, c.status, c.year")
    List<SummaryRow> computed();

    /** Every group's kept figures: the sum over its lanes. */
    String KEPT = "SELECT owner_state, type, funding_source, status, year, SUM(members) AS members, SUM(counted) AS counted,"
            + " SUM(requested) AS requested, SUM(approved) AS approved, SUM(paid) AS paid FROM summary_total"
            + " GROUP BY owner_state, type, funding_source, status, year ORDER BY owner_state, type, funding_source, status, year";

    /** Every group's kept figures, all its lanes' rows locked against the writers until the transaction ends. */
    @Query(KEPT + " FOR UPDATE")
    List<SummaryRow> keptForUpdate();

    @Query(KEPT)
    List<SummaryRow> kept();

    /** Adds the figures of applications that did not count so far (new ones) to this session's lane, in one statement. */
    @Query("INSERT INTO summary_total (lane, " + COLUMNS + ") SELECT " + WriteLanes.LANE + "," + FIGURES + OF_IDS_GROUPED + ADD)
    void addFiguresOf(Collection<Long> ids);

    /** Adds a change to this session's lane's row; the row stays locked until the transaction ends. */
    @Query("INSERT INTO summary_total (lane, " + COLUMNS + ") VALUES (" + WriteLanes.LANE + ", :ownerState, :type,"
            + " :fundingSource, :status, :year, :members, :counted, :requested, :approved, :paid)" + ADD)
    void add(String ownerState, String type, String fundingSource, String status, int year, long members, long counted,
             BigDecimal requested, BigDecimal approved, BigDecimal paid);

    /** Sets a group's lane 1 row to the given figures (a repair); see {@link #removeOtherLanes}. */
    @Query("INSERT INTO summary_total (lane, " + COLUMNS + ") VALUES (1, :ownerState, :type, :fundingSource, :status, :year,"
            + " :members, :counted, :requested, :approved, :paid) ON DUPLICATE KEY UPDATE members = VALUES(members),"
            + " counted = VALUES(counted), requested = VALUES(requested), approved = VALUES(approved), paid = VALUES(paid)")
    void set(String ownerState, String type, String fundingSource, String status, int year, long members, long counted,
             BigDecimal requested, BigDecimal approved, BigDecimal paid);

    /** Removes a group's rows but lane 1's, which a repair {@link #set} to the whole group's figures. */
    @Query("DELETE FROM summary_total WHERE owner_state = :ownerState AND type = :type AND funding_source = :fundingSource"
            + " AND status = :status AND year = :year AND lane <> 1")
    void removeOtherLanes(String ownerState, String type, String fundingSource, String status, int year);
}
