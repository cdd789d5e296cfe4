package de.foerderregister.notification;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The registry's clock for a test that picks its day only once it knows its data (years no other
 * test uses, see {@code TestApi.unusedYears}); only where {@code test.settable-clock} is set.
 */
@Singleton
@Replaces(Clock.class)
@Requires(property = SettableClock.PROPERTY, value = "true")
public class SettableClock extends Clock {

    static final String PROPERTY = "test.settable-clock";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    /** Ten in the morning of the day, in Berlin. */
    public void set(LocalDate day) {
        now.set(day.atTime(LocalTime.of(10, 0)).atZone(BERLIN).toInstant());
    }

    @Override
    public ZoneId getZone() {
        return BERLIN;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now.get(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
