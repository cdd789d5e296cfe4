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
 * definition, so the same rule serves the grouped totals, the rows split over years and {@code ?asOf=}.
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

    /** The kept year parts ({@code year_allocation}) of the selected applications, optionally of one year only. */
    String ALLOCATED = " FROM year_allocation y JOIN funding_application a ON a.id = y.application_id WHERE " + FILTER
            + " AND (:year IS NULL OR y.year = :year)";

    /** A year part counts an application where something was requested for that year. */
    String SUMS = " COUNT(CASE WHEN y.requested <> 0 THEN 1 END) AS count, COALESCE(SUM(y.requested), 0.00) AS requested,"
            + " COALESCE(SUM(y.approved), 0.00) AS approved";

    /** The year parts of all applications: with no filter the join to the applications is not needed. */
    @Query("SELECT y.year AS year," + SUMS + " FROM year_allocation y WHERE (:year IS NULL OR y.year = :year)"
            + " GROUP BY y.year ORDER BY y.year")
    List<YearTotal> allocatedByYearOfAll(@Nullable Integer year);

    @Query("SELECT y.year AS year," + SUMS + ALLOCATED + " GROUP BY y.year ORDER BY y.year")
    List<YearTotal> allocatedByYear(@Nullable StateCode ownerState, @Nullable FundingSource fundingSource,
                                    @Nullable Status status, @Nullable Integer year);

    @Query("SELECT a.owner_state AS owner_state, a.type AS type," + SUMS + ALLOCATED
            + " GROUP BY a.owner_state, a.type ORDER BY a.owner_state, a.type")
    List<StateTypeTotal> allocatedByStateAndType(@Nullable StateCode ownerState, @Nullable FundingSource fundingSource,
                                                 @Nullable Status status, @Nullable Integer year);

    @Query("SELECT a.funding_source AS funding_source," + SUMS + ALLOCATED + " GROUP BY a.funding_source ORDER BY a.funding_source")
    List<SourceTotal> allocatedBySource(@Nullable StateCode ownerState, @Nullable FundingSource fundingSource,
                                        @Nullable Status status, @Nullable Integer year);

    @Query("SELECT" + SUMS + ALLOCATED)
    Totals allocatedTotal(@Nullable StateCode ownerState, @Nullable FundingSource fundingSource,
                          @Nullable Status status, @Nullable Integer year);
}
