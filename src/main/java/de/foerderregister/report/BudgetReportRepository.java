package de.foerderregister.report;

import de.foerderregister.application.FundingApplication;
import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import de.foerderregister.application.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;
import java.util.List;

/**
 * The budget summary's SQL. Every filter is a bound parameter; a null one selects everything.
 * The approved amount of an application is computed in SQL, {@link #APPROVED}, so the same rule
 * serves the grouped totals and the rows that are split over years.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface BudgetReportRepository extends GenericRepository<FundingApplication, Long> {

    /** The selected applications {@code a}. */
    String FILTER = """
             (:ownerState IS NULL OR a.owner_state = :ownerState)
              AND (:fundingSource IS NULL OR a.funding_source = :fundingSource)
              AND (:status IS NULL OR a.status = :status)
            """;

    /**
     * The approved amount of {@code a}: without {@code :asOf} the current one; with it, the same rule as
     * DecisionLedger.asOf: the last approving decision counts from its meeting day on, and the latest
     * amendment in effect (no second pair needed, or CONFIRMED) by that day replaces it, latest meeting
     * first, then latest recorded. Not approved (by that day) counts as 0.00.
     */
    String APPROVED = """
             CASE WHEN :asOf IS NULL THEN COALESCE(a.approved_amount, 0.00)
             ELSE COALESCE((
                 SELECT COALESCE((
                         SELECT m.gross_amount FROM amendment m
                         LEFT JOIN amendment_review r ON r.amendment_id = m.id
                         WHERE m.application_id = a.id AND m.meeting_date <= :asOf
                           AND (NOT m.needs_second_pair OR r.outcome = 'CONFIRMED')
                         ORDER BY m.meeting_date DESC, m.id DESC LIMIT 1),
                     d.approved_amount)
                 FROM decision d
                 WHERE d.id = (SELECT MAX(d2.id) FROM decision d2
                               WHERE d2.application_id = a.id AND d2.outcome = 'APPROVED')
                   AND d.meeting_date <= :asOf), 0.00)
             END
            """;

    @Query("SELECT a.owner_state AS owner_state, a.type AS type, COUNT(*) AS count,"
            + " SUM(a.requested_amount) AS requested, SUM(" + APPROVED + ") AS approved"
            + " FROM funding_application a WHERE " + FILTER
            + " GROUP BY a.owner_state, a.type ORDER BY a.owner_state, a.type")
    List<StateTypeTotal> byStateAndType(@Nullable StateCode ownerState, @Nullable FundingSource fundingSource,
                                        @Nullable Status status, @Nullable LocalDate asOf);

    @Query("SELECT a.funding_source AS funding_source, COUNT(*) AS count,"
            + " SUM(a.requested_amount) AS requested, SUM(" + APPROVED + ") AS approved"
            + " FROM funding_application a WHERE " + FILTER
            + " GROUP BY a.funding_source ORDER BY a.funding_source")
    List<SourceTotal> bySource(@Nullable StateCode ownerState, @Nullable FundingSource fundingSource,
                               @Nullable Status status, @Nullable LocalDate asOf);

    /** One row even when nothing is selected: the sums then are 0.00. */
    @Query("SELECT COUNT(*) AS count, COALESCE(SUM(a.requested_amount), 0.00) AS requested,"
            + " COALESCE(SUM(" + APPROVED + "), 0.00) AS approved"
            + " FROM funding_application a WHERE " + FILTER)
    Totals total(@Nullable StateCode ownerState, @Nullable FundingSource fundingSource,
                 @Nullable Status status, @Nullable LocalDate asOf);

    /** The next {@code limit} selected applications after {@code afterId}, by id: keyset chunks for the year split. */
    @Query("SELECT a.id AS id, a.owner_state AS owner_state, a.type AS type, a.funding_source AS funding_source,"
            + " a.start_date AS start_date, a.end_date AS end_date, a.requested_amount AS requested,"
            + " " + APPROVED + " AS approved"
            + " FROM funding_application a WHERE " + FILTER
            + " AND a.id > :afterId ORDER BY a.id LIMIT :limit")
    List<SplitRow> rowsAfter(@Nullable StateCode ownerState, @Nullable FundingSource fundingSource,
                             @Nullable Status status, @Nullable LocalDate asOf, long afterId, int limit);
}
