package de.foerderregister.obligation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Obligations are changed only under their application's row lock (see {@link ObligationService}). */
@JdbcRepository(dialect = Dialect.MYSQL)
interface ObligationRepository extends GenericRepository<Obligation, Long> {

    /** Overdue in SQL, as {@link ObligationStatus#isOverdue} says it: still owed, and due before {@code :today}. */
    String OVERDUE = "(o.status IN ('OPEN', 'RETURNED') AND o.due_date < :today)";

    String ROW = """
            SELECT o.id, o.application_id, a.reference, a.title, a.owner_state,
                   o.kind, o.period_year, o.due_date, o.status
            FROM obligation o JOIN funding_application a ON a.id = o.application_id
            """;

    /**
     * The work list's filter: {@code :scope} is the caller's state (null: all) and narrows every
     * other filter, {@code :overdue} null means either.
     */
    String FILTER = """
            WHERE o.status IN (:statuses)
              AND (:scope IS NULL OR a.owner_state = :scope)
              AND (:ownerState IS NULL OR a.owner_state = :ownerState)
              AND (:dueBefore IS NULL OR o.due_date < :dueBefore)
              AND (:overdue IS NULL OR""" + " " + OVERDUE + " = :overdue)\n";

    Obligation save(Obligation obligation);

    Obligation update(Obligation obligation);

    void delete(Obligation obligation);

    @Query("SELECT * FROM obligation WHERE application_id = :applicationId ORDER BY id FOR UPDATE")
    List<Obligation> findByApplicationIdForUpdate(long applicationId);

    @Query("SELECT * FROM obligation WHERE id = :id AND application_id = :applicationId FOR UPDATE")
    Optional<Obligation> findForUpdate(long id, long applicationId);

    @Query("SELECT o.* FROM obligation o WHERE o.application_id = :applicationId AND " + OVERDUE
            + " ORDER BY o.due_date, o.id")
    List<Obligation> findOverdue(long applicationId, LocalDate today);

    @Query(ROW + "WHERE o.id = :id")
    Optional<ObligationRow> findRow(long id);

    @Query(ROW + "WHERE o.application_id = :applicationId ORDER BY o.due_date, o.id")
    List<ObligationRow> findRows(long applicationId);

    @Query(ROW + "WHERE (:scope IS NULL OR a.owner_state = :scope) AND " + OVERDUE + " ORDER BY o.due_date, o.id")
    List<ObligationRow> findOverdueRows(@Nullable String scope, LocalDate today);

    @Query(ROW + "WHERE o.status IN (:statuses) AND o.due_date BETWEEN :from AND :to ORDER BY o.due_date, o.id")
    List<ObligationRow> findDueBetween(Collection<String> statuses, LocalDate from, LocalDate to);

    @Query(ROW + FILTER + "ORDER BY o.due_date, o.id LIMIT :limit OFFSET :offset")
    List<ObligationRow> findRows(Collection<String> statuses, @Nullable String scope, @Nullable String ownerState,
                                 @Nullable LocalDate dueBefore, @Nullable Boolean overdue, LocalDate today,
                                 int limit, long offset);

    @Query("SELECT COUNT(*) FROM obligation o JOIN funding_application a ON a.id = o.application_id\n" + FILTER)
    long countRows(Collection<String> statuses, @Nullable String scope, @Nullable String ownerState,
                   @Nullable LocalDate dueBefore, @Nullable Boolean overdue, LocalDate today);
}
