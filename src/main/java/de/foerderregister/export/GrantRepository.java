package de.foerderregister.export;

import de.foerderregister.application.FundingApplication;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface GrantRepository extends GenericRepository<FundingApplication, Long> {

    /**
     * The APPROVED applications (of one state, or all) with the meeting day of their latest
     * approving decision, in one statement. The approved amount is the current one, amendments included;
     * the disbursed amount is what PAID payments paid out less repayments. A payment or repayment
     * changes the grant as published, so the last of them counts as a modification too.
     */
    @Query("""
            SELECT a.id, a.reference, a.title, a.notes, a.owner_state, a.funding_source, a.start_date, a.end_date,
                   a.requested_amount, a.approved_amount, d.meeting_date AS award_date,
                   COALESCE(paid.amount, 0) - COALESCE(repaid.amount, 0) AS disbursed_amount,
                   GREATEST(a.updated_at, COALESCE(paid.last_at, a.updated_at), COALESCE(repaid.last_at, a.updated_at))
                     AS updated_at
            FROM funding_application a
            JOIN (SELECT application_id, MAX(id) AS id FROM decision WHERE outcome = 'APPROVED' GROUP BY application_id) last
              ON last.application_id = a.id
            JOIN decision d ON d.id = last.id
            LEFT JOIN (SELECT application_id, SUM(amount) AS amount, MAX(paid_at) AS last_at FROM payment
                       WHERE status = 'PAID' GROUP BY application_id) paid ON paid.application_id = a.id
            LEFT JOIN (SELECT application_id, SUM(amount) AS amount, MAX(recorded_at) AS last_at FROM repayment
                       GROUP BY application_id) repaid ON repaid.application_id = a.id
            WHERE a.status = 'APPROVED' AND (:state IS NULL OR a.owner_state = :state)
            ORDER BY a.id""")
    List<GrantRow> approved(@Nullable String state);
}
