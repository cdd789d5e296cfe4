package de.foerderregister.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Payments are added, moved through their statuses ({@code @Version} guards each move) and read; never deleted. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface PaymentRepository extends GenericRepository<Payment, Long> {

    Payment save(Payment payment);

    Payment update(Payment payment);

    Optional<Payment> findByIdAndApplicationId(Long id, Long applicationId);

    List<Payment> findByApplicationIdOrderById(Long applicationId);

    /** The payment, locked for its move; the caller holds the application's lock already. */
    @Query("SELECT * FROM payment WHERE id = :id AND application_id = :applicationId FOR UPDATE")
    Optional<Payment> findForMove(long id, long applicationId);

    /**
     * All payments of the application as committed, share-locked. Every writer of payments,
     * carry-overs and approved amounts locks the application row first, and a locking read sees
     * every committed row, where a snapshot taken before that lock could miss one.
     */
    @Query("SELECT * FROM payment WHERE application_id = :applicationId ORDER BY id LOCK IN SHARE MODE")
    List<Payment> lockedByApplication(long applicationId);

    @Query("SELECT id FROM payment WHERE booking_reference = :bookingReference")
    Optional<Long> findIdByBookingReference(String bookingReference);

    /**
     * Adds to the paid total of a source and year (negative for a repayment), in the transaction
     * of the payment or repayment; the row stays locked until it ends. One row per source and year, not
     * per write lane (unlike {@code summary_total}): it backs the rule that payments stay within what was
     * approved, so two payments of one source and year must be serialised, also across the nodes of a
     * cluster, where one of them loses its certification and is retried.
     */
    @Query("""
            INSERT INTO payment_total (funding_source, year, paid) VALUES (:fundingSource, :year, :change)
            ON DUPLICATE KEY UPDATE paid = paid + :change""")
    void addToTotal(String fundingSource, int year, BigDecimal change);

    /**
     * One page of payments with their application, oldest request first: the order a work list is done
     * in. {@code :notRequestedBy}: without the payments this user requested (null: all).
     */
    @Query("""
            SELECT p.id, p.application_id, a.reference, a.title, a.owner_state, a.funding_source, p.year, p.amount,
                   p.purpose, p.status, p.requested_by, p.requested_at, p.released_by, p.released_at, p.paid_on,
                   p.booking_reference, p.paid_by, p.paid_at, p.closed_reason, p.closed_by, p.closed_at, p.version
            FROM payment p JOIN funding_application a ON a.id = p.application_id
            WHERE (:status IS NULL OR p.status = :status) AND (:year IS NULL OR p.year = :year)
              AND (:ownerState IS NULL OR a.owner_state = :ownerState)
              AND (:notRequestedBy IS NULL OR p.requested_by <> :notRequestedBy)
            ORDER BY p.id
            LIMIT :limit OFFSET :offset""")
    List<PaymentListRow> workList(@Nullable String status, @Nullable Integer year, @Nullable String ownerState,
                                  @Nullable String notRequestedBy, int limit, long offset);

    @Query("""
            SELECT COUNT(*) FROM payment p JOIN funding_application a ON a.id = p.application_id
            WHERE (:status IS NULL OR p.status = :status) AND (:year IS NULL OR p.year = :year)
              AND (:ownerState IS NULL OR a.owner_state = :ownerState)
              AND (:notRequestedBy IS NULL OR p.requested_by <> :notRequestedBy)""")
    long workListSize(@Nullable String status, @Nullable Integer year, @Nullable String ownerState,
                      @Nullable String notRequestedBy);
}
