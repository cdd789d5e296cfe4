package de.foerderregister.quality;

import de.foerderregister.application.FundingApplication;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One statement per kind of finding, each over all applications at once. {@code :state} limits
 * the findings to one owner state (null: all), and it limits every part of a statement: the rows
 * compared with, the medians and the existence checks too, so that no finding of one state
 * depends on, or tells anything about, another state's data.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface DataQualityRepository extends GenericRepository<FundingApplication, Long> {

    @Query("""
            SELECT a.id, a.reference, a.title, a.end_date AS day, NULL AS amount, NULL AS compared, NULL AS others
            FROM funding_application a
            WHERE a.status = 'SUBMITTED' AND a.end_date < :today AND (:state IS NULL OR a.owner_state = :state)
            ORDER BY a.id""")
    List<QualityRow> endedButSubmitted(LocalDate today, @Nullable String state);

    @Query("""
            SELECT a.id, a.reference, a.title, NULL AS day, a.approved_amount AS amount, NULL AS compared, NULL AS others
            FROM funding_application a
            WHERE a.status = 'APPROVED' AND (:state IS NULL OR a.owner_state = :state)
              AND NOT EXISTS (SELECT 1 FROM annual_plan_line p WHERE p.application_id = a.id)
            ORDER BY a.id""")
    List<QualityRow> approvedWithoutPlan(@Nullable String state);

    @Query("""
            SELECT a.id, a.reference, a.title, NULL AS day, a.requested_amount AS amount, p.total AS compared, NULL AS others
            FROM funding_application a
            JOIN (SELECT application_id, SUM(amount) AS total FROM annual_plan_line GROUP BY application_id) p
              ON p.application_id = a.id
            WHERE p.total <> a.requested_amount AND (:state IS NULL OR a.owner_state = :state)
            ORDER BY a.id""")
    List<QualityRow> planNotMatchingAmount(@Nullable String state);

    /**
     * Live applications (not withdrawn or rejected: filing again after those is normal) whose title,
     * lower-cased and stripped of everything but the letters a–z, ä ö ü ß and digits, equals another's
     * of the same state; {@code others} lists the group's references.
     */
    @Query("""
            WITH keyed AS (
                SELECT a.id, a.reference, a.title, a.owner_state,
                       REGEXP_REPLACE(LOWER(a.title), '[^0-9a-zäöüß]', '') AS title_key
                FROM funding_application a
                WHERE a.status NOT IN ('WITHDRAWN', 'REJECTED') AND (:state IS NULL OR a.owner_state = :state)),
            groups AS (
                SELECT owner_state, title_key, GROUP_CONCAT(reference ORDER BY id SEPARATOR ', ') AS refs
                FROM keyed GROUP BY owner_state, title_key HAVING COUNT(*) > 1)
            SELECT k.id, k.reference, k.title, NULL AS day, NULL AS amount, NULL AS compared, g.refs AS others
            FROM keyed k JOIN groups g ON g.owner_state = k.owner_state AND g.title_key = k.title_key
            ORDER BY k.id""")
    List<QualityRow> probableDuplicates(@Nullable String state);

    /**
     * Requested amounts above {@code above} times, or below {@code below} times, the median of
     * the applications in scope (the state's own, or all of the registry), once there are at least
     * {@code minimum} of them.
     */
    @Query("""
            WITH scoped AS (
                SELECT id, reference, title, requested_amount FROM funding_application
                WHERE :state IS NULL OR owner_state = :state),
            m AS (
                SELECT MEDIAN(requested_amount) OVER () AS median, COUNT(*) OVER () AS n
                FROM scoped LIMIT 1)
            SELECT a.id, a.reference, a.title, NULL AS day, a.requested_amount AS amount, m.median AS compared,
                   NULL AS others
            FROM scoped a CROSS JOIN m
            WHERE m.n >= :minimum AND (a.requested_amount > m.median * :above OR a.requested_amount < m.median * :below)
            ORDER BY a.id""")
    List<QualityRow> amountOutliers(BigDecimal above, BigDecimal below, int minimum, @Nullable String state);

    /**
     * The latest rejection of each title for missing fields, unless an application of that title
     * exists by now. A rejected row belongs to the state of the user who imported it (FITKO's rows
     * to no state): a STATE sees only its own users' rows, and both checks stay inside the row's
     * state, so that another state's rows or applications neither hide a finding nor reveal
     * themselves through one.
     */
    @Query("""
            SELECT r.run_id, r.file_row, r.title, r.missing_columns, run.imported_by, run.imported_at
            FROM import_rejected_row r JOIN import_run run ON run.id = r.run_id
            WHERE r.missing_columns IS NOT NULL
              AND (:state IS NULL OR r.importer_state = :state)
              AND NOT EXISTS (SELECT 1 FROM import_rejected_row newer
                              WHERE newer.title = r.title AND newer.missing_columns IS NOT NULL AND newer.id > r.id
                                AND (newer.importer_state = r.importer_state
                                     OR (newer.importer_state IS NULL AND r.importer_state IS NULL)))
              AND NOT EXISTS (SELECT 1 FROM funding_application a
                              WHERE a.title = r.title AND (r.importer_state IS NULL OR a.owner_state = r.importer_state))
            ORDER BY r.id""")
    List<RejectedImportRow> importsWithMissingFields(@Nullable String state);

    /** Envelopes whose committed total (kept per source and year) exceeds their amount. */
    @Query("""
            SELECT e.funding_source AS funding_source, e.year AS year, e.amount AS amount, t.approved AS committed
            FROM budget_envelope e
            JOIN allocation_total t ON t.funding_source = e.funding_source AND t.year = e.year
            WHERE t.approved > e.amount
            ORDER BY e.funding_source, e.year""")
    List<OvercommittedEnvelope> overcommittedEnvelopes();

    /**
     * The distinct reasons given for over-committing the envelopes that are over-committed now, each
     * envelope's in the order they were first given.
     */
    @Query("""
            SELECT o.funding_source AS funding_source, o.year AS year, o.cause AS cause, o.reason AS reason
            FROM over_commitment o
            JOIN budget_envelope e ON e.funding_source = o.funding_source AND e.year = o.year
            JOIN allocation_total t ON t.funding_source = o.funding_source AND t.year = o.year
            WHERE t.approved > e.amount
            GROUP BY o.funding_source, o.year, o.cause, o.reason
            ORDER BY o.funding_source, o.year, MIN(o.id)""")
    List<RecordedOverCommitment> overCommitmentReasons();
}
