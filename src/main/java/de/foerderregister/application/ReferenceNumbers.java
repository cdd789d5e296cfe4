package de.foerderregister.application;

import de.foerderregister.db.Cluster;
import de.foerderregister.db.ConflictRetries;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * File numbers {@code YYYY-NNNN}: per calendar year, unique, never handed out twice.
 *
 * <p>With a block size ({@code registry.references.block-size}) of 1 every number is drawn from the year's
 * counter inside the creating transaction: the numbers follow the order of the commits without a gap, and
 * the counter row stays locked until the commit. That is the default on a single server. On a Galera
 * cluster that row would be written by every create of every node, so there the default is
 * {@value #CLUSTER_BLOCK}: each write lane ({@link de.foerderregister.db.WriteLanes}) takes a block of that many numbers from
 * the year's counter in a short transaction of its own ({@link ReferenceBlocks}) and hands them out in
 * order from its own row ({@code reference_block}) inside the creating transaction. The price: the
 * numbers of two nodes interleave (a later create on one node may carry a smaller number than an
 * earlier one on the other), and a block left unused — its lane taken over by another node, a restart
 * with another block size, the year's end — leaves a gap. Unique they stay: the blocks are disjoint,
 * and the unique index on the reference holds.
 */
@Singleton
public class ReferenceNumbers {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceNumbers.class);
    /** The block size on a Galera cluster when none is set: a node writes the shared counter once per this many creates. */
    static final int CLUSTER_BLOCK = 20;

    private final ReferenceCounterRepository counters;
    private final ReferenceBlocks blocks;
    private final ConflictRetries retries;
    private final Cluster cluster;
    private final Clock clock;
    /** The block size; 0 until the first draw asked the database whether it is a Galera cluster. */
    private volatile int blockSize;

    public ReferenceNumbers(ReferenceCounterRepository counters, ReferenceBlocks blocks, ConflictRetries retries, Cluster cluster, Clock clock,
                            @Property(name = "registry.references.block-size") @Nullable Integer blockSize) {
        if (blockSize != null && blockSize < 1) {
            throw new IllegalArgumentException("registry.references.block-size must be at least 1, not " + blockSize);
        }
        this.counters = counters;
        this.blocks = blocks;
        this.retries = retries;
        this.cluster = cluster;
        this.clock = clock;
        this.blockSize = blockSize == null ? 0 : blockSize;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public String next() {
        return next(1).get(0);
    }

    /** {@code count} consecutive numbers at once, in order: one statement for an import's whole chunk. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> next(int count) {
        int year = LocalDate.now(clock).getYear();
        int size = blockSize();
        long last = size == 1 ? drawFromYear(year, count) : drawFromLane(year, count, size);
        List<String> numbers = new ArrayList<>(count);
        for (long number = last - count + 1; number <= last; number++) {
            numbers.add(String.format("%d-%04d", year, number));
        }
        return numbers;
    }

    /** The last of {@code count} numbers drawn from the year's counter, which stays locked until the commit. */
    private long drawFromYear(int year, int count) {
        // the year's counter exists but for its first number: no read before every draw
        if (counters.advanceBy(year, count) == 0) {
            counters.open(year);
            counters.advanceBy(year, count);
        }
        return counters.lastDrawn();
    }

    /**
     * The last of {@code count} numbers drawn from this lane's block, which stays locked until the commit;
     * when the block has fewer left, they come from a new block and the old block's rest stays unused.
     */
    private long drawFromLane(int year, int count, int block) {
        if (counters.drawFromOwnBlock(year, count) > 0) {
            return counters.lastDrawn();
        }
        int size = Math.max(block, count);
        long end = retries.retried("taking a block of file numbers", () -> blocks.take(year, size));
        long last = end - size + count;
        counters.startOwnBlock(year, last, end);
        return last;
    }

    /** The configured block size, or else the default for the kind of database, asked once (two first draws at once both ask, alike). */
    private int blockSize() {
        int size = blockSize;
        if (size == 0) {
            size = cluster.isGalera() ? CLUSTER_BLOCK : 1;
            LOG.info("File numbers are drawn in blocks of {} per write lane ({}; set registry.references.block-size to choose)",
                    size, size == 1 ? "a single server" : "a Galera cluster");
            blockSize = size;
        }
        return size;
    }
}
