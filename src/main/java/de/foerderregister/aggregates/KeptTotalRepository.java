package de.foerderregister.aggregates;

import de.foerderregister.application.FundingApplication;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.math.BigDecimal;
import java.util.List;

/** The budget's kept totals per funding source × year ({@code allocation_total}, {@code payment_total}), kept and computed. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface KeptTotalRepository extends GenericRepository<FundingApplication, Long> {

    @Query("SELECT funding_source, year, approved AS amount FROM allocation_total ORDER BY funding_source, year FOR UPDATE")
    List<SourceYearAmount> allocationTotalsForUpdate();

    @Query("SELECT funding_source, year, approved AS amount FROM allocation_total ORDER BY funding_source, year")
    List<SourceYearAmount> allocationTotals();

    @Query("SELECT a.funding_source AS funding_source, y.year AS year, SUM(y.approved) AS amount"
            + " FROM year_allocation y JOIN funding_application a ON a.id = y.application_id"
            + " GROUP BY a.funding_source, y.year ORDER BY a.funding_source, y.year")
    List<SourceYearAmount> allocationTotalsComputed();

    @Query("SELECT funding_source, year, paid AS amount FROM payment_total ORDER BY funding_source, year FOR UPDATE")
    List<SourceYearAmount> paymentTotalsForUpdate();

    @Query("SELECT funding_source, year, paid AS amount FROM payment_total ORDER BY funding_source, year")
    List<SourceYearAmount> paymentTotals();

    @Query("SELECT a.funding_source AS funding_source, m.year AS year, SUM(m.amount) AS amount"
            + " FROM (SELECT application_id, year, amount FROM payment WHERE status = 'PAID'"
            + " UNION ALL SELECT application_id, year, -amount FROM repayment) m"
            + " JOIN funding_application a ON a.id = m.application_id"
            + " GROUP BY a.funding_source, m.year ORDER BY a.funding_source, m.year")
    List<SourceYearAmount> paymentTotalsComputed();

    @Query("INSERT INTO allocation_total (funding_source, year, approved) VALUES (:fundingSource, :year, :amount)"
            + " ON DUPLICATE KEY UPDATE approved = VALUES(approved)")
    void setAllocationTotal(String fundingSource, int year, BigDecimal amount);

    @Query("INSERT INTO payment_total (funding_source, year, paid) VALUES (:fundingSource, :year, :amount)"
            + " ON DUPLICATE KEY UPDATE paid = VALUES(paid)")
    void setPaymentTotal(String fundingSource, int year, BigDecimal amount);
}
