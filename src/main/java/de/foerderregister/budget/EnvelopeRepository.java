package de.foerderregister.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Envelopes are set (added or replaced) and read; their history is in the audit chain. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface EnvelopeRepository extends GenericRepository<Envelope, Envelope.Key> {

    /** Committed and paid come from the kept totals, so a year's figures cost two key lookups. */
    String FIGURES = """
            SELECT e.funding_source AS funding_source, e.year AS year, e.amount AS amount,
                   COALESCE(t.approved, 0.00) AS committed, COALESCE(p.paid, 0.00) AS paid,
                   e.amount - COALESCE(t.approved, 0.00) AS available,
                   e.reason AS reason, e.set_by AS set_by, e.set_at AS set_at
            FROM budget_envelope e
            LEFT JOIN allocation_total t ON t.funding_source = e.funding_source AND t.year = e.year
            LEFT JOIN payment_total p ON p.funding_source = e.funding_source AND p.year = e.year
            """;

    @Query(FIGURES + """
            WHERE (:year IS NULL OR e.year = :year) AND (:fundingSource IS NULL OR e.funding_source = :fundingSource)
            ORDER BY e.funding_source, e.year""")
    List<EnvelopeView> figures(@Nullable Integer year, @Nullable String fundingSource);

    @Query(FIGURES + "WHERE e.funding_source = :fundingSource AND e.year = :year")
    Optional<EnvelopeView> figuresOf(String fundingSource, int year);

    /** The envelope, locked until the transaction ends: the writer of the envelope. */
    @Query("SELECT * FROM budget_envelope WHERE funding_source = :fundingSource AND year = :year FOR UPDATE")
    Optional<Envelope> findForUpdate(String fundingSource, int year);

    /**
     * The envelope's amount, locked against a concurrent change of it until the transaction ends:
     * a change of the approved shares holds it while it compares the committed total with it.
     */
    @Query("SELECT amount FROM budget_envelope WHERE funding_source = :fundingSource AND year = :year LOCK IN SHARE MODE")
    Optional<BigDecimal> lockedAmount(String fundingSource, int year);

    @Query("""
            INSERT INTO budget_envelope (funding_source, year, amount, reason, set_by, set_at, version)
            VALUES (:fundingSource, :year, :amount, :reason, :setBy, :setAt, 0)
            ON DUPLICATE KEY UPDATE amount = :amount, reason = :reason, set_by = :setBy, set_at = :setAt,
                                    version = version + 1""")
    void set(String fundingSource, int year, BigDecimal amount, String reason, String setBy, Instant setAt);
}
