package de.foerderregister.application;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** File numbers {@code YYYY-NNNN}: per calendar year, in order, never handed out twice. */
@Singleton
public class ReferenceNumbers {

    private final ReferenceCounterRepository counters;
    private final Clock clock;

    public ReferenceNumbers(ReferenceCounterRepository counters, Clock clock) {
        this.counters = counters;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public String next() {
        return next(1).get(0);
    }

    /** {@code count} consecutive numbers at once, in order: one statement for an import's whole chunk. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> next(int count) {
        int year = LocalDate.now(clock).getYear();
        // the year's counter exists but for its first number: no read before every draw
        if (counters.advanceBy(year, count) == 0) {
            counters.open(year);
            counters.advanceBy(year, count);
        }
        long last = counters.lastDrawn();
        List<String> numbers = new ArrayList<>(count);
        for (long number = last - count + 1; number <= last; number++) {
            numbers.add(String.format("%d-%04d", year, number));
        }
        return numbers;
    }
}
