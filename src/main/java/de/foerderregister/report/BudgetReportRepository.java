package de.foerderregister.report;

import de.foerderregister.application.FundingApplication;
import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import de.foerderregister.application.Status;
import de.foerderregister.decision.ApprovedAmountSql;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;
import java.util.List;

/**
 * The budget summary's SQL. Every filter is a bound parameter; a null one selects everything.
 * The approved amount of an application is computed in SQL, {@link #APPROVED}, from the ledger's own
 * definition ({@link ApprovedAmountSql}), the rule {@code ?asOf=} on one application uses too.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface BudgetReportRepository extends GenericRepository<FundingApplication, Long> {

    /** The selected applications {@code a}. */
    String FILTER = """
             (:ownerState IS NULL OR a.owner_state = :ownerState)
              AND (:fundingSource IS NULL OR a.funding_source = :fundingSource)
              AND (:status IS NULL OR a.status = :status)
            """;

    /** The approved amount of {@code a}: the current one, or with {@code :asOf} as it stood that day; 0.00 where none. */
    String APPROVED = "CASE WHEN :asOf IS NULL THEN COALESCE(a.approved_amount, 0.00) ELSE COALESCE("
            + ApprovedAmountSql.AS_OF + ", 0.00) END";

    /** The next {@code limit} selected applications after {@code afterId}, by id: keyset chunks for the year split. */
    @Query("SELECT a.id AS id, a.owner_state AS owner_state, a.type AS type, a.funding_source AS funding_source,"
            + " a.start_date AS start_date, a.end_date AS end_date, a.requested_amount AS requested,"
            + " " + APPROVED + " AS approved"
            + " FROM funding_application a WHERE " + FILTER
            + " AND a.id > :afterId ORDER BY a.id LIMIT :limit")
    List<SplitRow> rowsAfter(@Nullable StateCode ownerState, @Nullable FundingSource fundingSource,
                             @Nullable Status status, @Nullable LocalDate asOf, long afterId, int limit);

    /** The selected rows {@code s} of the kept figures ({@code summary_total}, see V21); year 0 holds whole applications. */
    String KEPT = " FROM summary_total s WHERE (:ownerState IS NULL OR s.owner_state = :ownerState)"
            + " AND (:fundingSource IS NULL OR s.funding_source = :fundingSource) AND (:status IS NULL OR s.status = :status)";

    String KEPT_SUMS = " SUM(s.counted) AS count, SUM(s.requested) AS requested, SUM(s.approved) AS approved,"
            + " SUM(s.paid) AS paid";

    /**
     * Of the whole applications ({@code :year} null, year 0), or of the year parts of {@code :year}. A
     * group exists where an application, or a year part, does; its paid sum counts every payment of the
     * group's applications, of the year if there is one.
     */
    String KEPT_OF_YEAR = KEPT + " AND s.year = COALESCE(:year, 0)";

    @Query("SELECT s.owner_state AS owner_state, s.type AS type," + KEPT_SUMS + KEPT_OF_YEAR
            + " GROUP BY s.owner_state, s.type HAVING SUM(s.members) > 0 ORDER BY s.owner_state, s.type")
    List<StateTypeTotal> keptByStateAndType(@Nullable StateCode ownerState, @Nullable FundingSource fundingSource,
                                            @Nullable Status status, @Nullable Integer year);

    @Query("SELECT s.funding_source AS funding_source," + KEPT_SUMS + KEPT_OF_YEAR
            + " GROUP BY s.funding_source HAVING SUM(s.members) > 0 ORDER BY s.funding_source")
    List<SourceTotal> keptBySource(@Nullable StateCode ownerState, @Nullable FundingSource fundingSource,
                                   @Nullable Status status, @Nullable Integer year);

    /** One row even when nothing is selected: the count then is 0 and the sums 0.00. */
    @Query("SELECT COALESCE(SUM(s.counted), 0) AS count, COALESCE(SUM(s.requested), 0.00) AS requested,"
            + " COALESCE(SUM(s.approved), 0.00) AS approved, COALESCE(SUM(s.paid), 0.00) AS paid" + KEPT_OF_YEAR)
    Totals keptTotal(@Nullable StateCode ownerState, @Nullable FundingSource fundingSource,
                     @Nullable Status status, @Nullable Integer year);

    /** The year parts by year, of one year {@code :year} or all; a year exists where a year part does. */
    @Query("SELECT s.year AS year," + KEPT_SUMS + KEPT + " AND s.year <> 0 AND (:year IS NULL OR s.year = :year)"
            + " GROUP BY s.year HAVING SUM(s.members) > 0 ORDER BY s.year")
    List<YearTotal> keptByYear(@Nullable StateCode ownerState, @Nullable FundingSource fundingSource,
                               @Nullable Status status, @Nullable Integer year);

    /**
     * What was paid against each year of the given applications less repayments, with {@code asOf}
     * as it stood that day: the year split of {@code ?asOf=} adds it up beside the split amounts.
     */
    @Query("SELECT m.application_id AS application_id, m.year AS year, SUM(m.amount) AS paid"
            + " FROM (SELECT application_id, year, amount FROM payment"
            + " WHERE application_id IN (:ids) AND status = 'PAID' AND (:asOf IS NULL OR paid_on <= :asOf)"
            + " UNION ALL SELECT application_id, year, -amount FROM repayment"
            + " WHERE application_id IN (:ids) AND (:asOf IS NULL OR received_on <= :asOf)) m"
            + " GROUP BY m.application_id, m.year")
    List<YearPaid> paidByYear(List<Long> ids, @Nullable LocalDate asOf);
}
