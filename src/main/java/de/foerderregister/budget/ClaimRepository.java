package de.foerderregister.budget;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/**
 * An application's payments and repayments summed per year. Locking reads: every writer of
 * payments, carry-overs and approved amounts locks the application row first, and a locking read
 * sees every committed row, where a snapshot taken before that lock could miss one.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface ClaimRepository extends GenericRepository<Payment, Long> {

    @Query("""
            SELECT year AS year,
                   SUM(CASE WHEN status IN ('REQUESTED', 'RELEASED', 'PAID') THEN amount ELSE 0 END) AS claimed,
                   SUM(CASE WHEN status = 'PAID' THEN amount ELSE 0 END) AS paid,
                   0 AS repaid
            FROM payment WHERE application_id = :applicationId GROUP BY year
            LOCK IN SHARE MODE""")
    List<YearClaims> payments(long applicationId);

    @Query("""
            SELECT year AS year, 0 AS claimed, 0 AS paid, SUM(amount) AS repaid
            FROM repayment WHERE application_id = :applicationId GROUP BY year
            LOCK IN SHARE MODE""")
    List<YearClaims> repayments(long applicationId);
}
