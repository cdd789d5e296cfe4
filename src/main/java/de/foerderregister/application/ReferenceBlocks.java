package de.foerderregister.application;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * Takes a block of file numbers from the year's shared counter for a lane, in a transaction of its
 * own: the counter row is locked only for this one statement's commit, so it is the only write of a
 * create that two nodes of a cluster can meet on, and a lost certification costs a retry of it alone.
 */
@Singleton
class ReferenceBlocks {

    private final ReferenceCounterRepository counters;

    ReferenceBlocks(ReferenceCounterRepository counters) {
        this.counters = counters;
    }

    /** Reserves the next {@code size} numbers of the year; answers the last of them. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long take(int year, int size) {
        if (counters.advanceBy(year, size) == 0) {
            counters.open(year);
            counters.advanceBy(year, size);
        }
        return counters.lastDrawn();
    }
}
