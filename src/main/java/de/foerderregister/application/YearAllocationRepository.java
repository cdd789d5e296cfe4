package de.foerderregister.application;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.math.BigDecimal;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface YearAllocationRepository extends GenericRepository<YearAllocation, YearAllocation.Key> {

    <S extends YearAllocation> List<S> saveAll(Iterable<S> allocations);

    @Query("SELECT * FROM year_allocation WHERE application_id = :applicationId ORDER BY year FOR UPDATE")
    List<YearAllocation> findByApplicationIdForUpdate(long applicationId);

    /** Without a lock, for reads. */
    @Query("SELECT * FROM year_allocation WHERE application_id = :applicationId ORDER BY year")
    List<YearAllocation> findByApplicationId(long applicationId);

    @Query("DELETE FROM year_allocation WHERE application_id = :applicationId")
    void deleteByApplicationId(long applicationId);

    /** Applications written before allocations were kept (or by bulk SQL), a chunk at a time. */
    @Query("""
            SELECT a.id FROM funding_application a
            WHERE a.id > :afterId AND NOT EXISTS (SELECT 1 FROM year_allocation y WHERE y.application_id = a.id)
            ORDER BY a.id LIMIT 500""")
    List<Long> unallocatedAfter(long afterId);

    /**
     * Adds to a source's approved total of a year; the row stays locked until the transaction ends. One row
     * per source and year, not per write lane (unlike {@code summary_total}): it backs the envelope's
     * over-commitment rule, so two approvals of one source and year must be serialised, also across the
     * nodes of a cluster, where one of them loses its certification and is retried.
     */
    @Query("""
            INSERT INTO allocation_total (funding_source, year, approved) VALUES (:fundingSource, :year, :change)
            ON DUPLICATE KEY UPDATE approved = approved + :change""")
    void addToTotal(String fundingSource, int year, BigDecimal change);

    /** A source's approved total of a year, as the last committed change left it, locked. */
    @Query("SELECT approved FROM allocation_total WHERE funding_source = :fundingSource AND year = :year FOR UPDATE")
    java.util.Optional<BigDecimal> lockedTotal(String fundingSource, int year);
}
