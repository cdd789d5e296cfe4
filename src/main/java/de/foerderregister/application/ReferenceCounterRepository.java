package de.foerderregister.application;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.transaction.Transactional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ReferenceCounterRepository extends GenericRepository<ReferenceCounter, Integer> {

    /**
     * Creates the year's counter in a transaction of its own: concurrent first creates of a year
     * then only meet on the row lock of {@link #advanceBy}, never in an insert deadlock.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @Query("INSERT IGNORE INTO reference_counter (year, last_value) VALUES (:year, 0)")
    void open(int year);

    /**
     * Draws {@code count} numbers at once, the last of them is {@link #lastDrawn}; the row stays locked
     * until the drawing transaction ends.
     *
     * @return 0 when the year has no counter yet
     */
    @Query("UPDATE reference_counter SET last_value = LAST_INSERT_ID(last_value + :count) WHERE year = :year")
    int advanceBy(int year, int count);

    /** The number drawn by {@link #advanceBy} on this connection. */
    @Query("SELECT LAST_INSERT_ID()")
    long lastDrawn();
}
