package de.foerderregister.report;

import de.foerderregister.application.FundingApplication;
import de.foerderregister.application.FundingSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/**
 * The Haushaltsübersicht's one statement. It reads only the kept tables — the envelopes, the
 * approved shares per source and year ({@code allocation_total}) and the paid amounts per source and
 * year ({@code payment_total}) — whose size is the number of years, not of applications or payments.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface BudgetStatusRepository extends GenericRepository<FundingApplication, Long> {

    /**
     * Every funding source × year with an envelope, an approved share or a payment: a kept total of 0
     * (an approval amended away, a payment repaid in full) is no reason for a line. A constant so the
     * benchmark times exactly the SQL the report runs.
     */
    String LINES = """
            SELECT k.funding_source AS funding_source, k.year AS year, e.amount AS envelope,
                   COALESCE(t.approved, 0.00) AS committed, COALESCE(p.paid, 0.00) AS paid
            FROM (SELECT funding_source, year FROM budget_envelope
                  UNION SELECT funding_source, year FROM allocation_total WHERE approved <> 0
                  UNION SELECT funding_source, year FROM payment_total WHERE paid <> 0) k
            LEFT JOIN budget_envelope e ON e.funding_source = k.funding_source AND e.year = k.year
            LEFT JOIN allocation_total t ON t.funding_source = k.funding_source AND t.year = k.year
            LEFT JOIN payment_total p ON p.funding_source = k.funding_source AND p.year = k.year
            WHERE (:year IS NULL OR k.year = :year) AND (:fundingSource IS NULL OR k.funding_source = :fundingSource)
            ORDER BY k.funding_source, k.year""";

    @Query(LINES)
    List<BudgetStatusSums> lines(@Nullable Integer year, @Nullable FundingSource fundingSource);
}
