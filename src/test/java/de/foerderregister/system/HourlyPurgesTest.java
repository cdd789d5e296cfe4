package de.foerderregister.system;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HourlyPurgesTest {

    @Test
    void aPurgeThatFailsDoesNotKeepTheOthersFromRunning() {
        List<String> ran = new ArrayList<>();
        Purge broken = purge("outbox", () -> {
            ran.add("outbox");
            throw new IllegalStateException("database gone");
        });
        Purge working = purge("import jobs", () -> {
            ran.add("import jobs");
            return 3;
        });

        new HourlyPurges(List.of(broken, working)).purgeAll();
        new HourlyPurges(List.of(broken, working)).purgeAll();

        assertEquals(List.of("outbox", "import jobs", "outbox", "import jobs"), ran);
    }

    private interface Deletion {
        long run();
    }

    private static Purge purge(String subject, Deletion deletion) {
        return new Purge() {
            @Override
            public String subject() {
                return subject;
            }

            @Override
            public long purge() {
                return deletion.run();
            }
        };
    }
}
