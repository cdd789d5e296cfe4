package de.foerderregister.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Dates the way German offices write them: 31.12.2022, 19.01.2021 14:05 Uhr. */
final class GermanFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm 'Uhr'");

    private GermanFormat() {
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    static String runtime(LocalDate start, LocalDate end) {
        return date(start) + " – " + date(end);
    }

    static String now(Clock clock) {
        return DATE_TIME.format(ZonedDateTime.now(clock));
    }
}
