package de.foerderregister.application;

import de.foerderregister.db.WriteLanes;
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

    /**
     * Draws {@code count} numbers from this session's lane's block (see {@link ReferenceNumbers}), the
     * last of them is {@link #lastDrawn}; the lane's row stays locked until the drawing transaction ends.
     *
     * @return 0 when the block has fewer numbers left, or the lane none this year
     */
    @Query("UPDATE reference_block SET last_value = LAST_INSERT_ID(last_value + :count) WHERE year = :year AND lane = "
            + WriteLanes.LANE + " AND last_value + :count <= block_end")
    int drawFromOwnBlock(int year, int count);

    /**
     * Replaces this session's lane's block with a new one, of which everything up to {@code lastValue} is
     * drawn; the lane's row stays locked until the drawing transaction ends.
     */
    @Query("INSERT INTO reference_block (year, lane, last_value, block_end) VALUES (:year, " + WriteLanes.LANE
            + ", :lastValue, :blockEnd) ON DUPLICATE KEY UPDATE last_value = VALUES(last_value), block_end = VALUES(block_end)")
    void startOwnBlock(int year, long lastValue, long blockEnd);

    /** The number drawn by {@link #advanceBy} or {@link #drawFromOwnBlock} on this connection. */
    @Query("SELECT LAST_INSERT_ID()")
    long lastDrawn();
}
