package de.foerderregister.system;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

@Factory
public class ClockFactory {

    /** Instants are stored in UTC; calendar days and years are those of the German authorities. */
    @Singleton
    Clock clock() {
        return Clock.system(ZoneId.of("Europe/Berlin"));
    }
}
