package de.foerderregister.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the benchmarks time, and how: the median of a number of runs, and SQL straight on the database as a ceiling. */
final class Measure {

    private final DataSource database;
    private final int runs;

    Measure(DataSource database, int runs) {
        this.database = database;
        this.runs = runs;
    }

    /** Median wall time in ms of the runs after two warm-ups. */
    double median(Callable<?> work) throws Exception {
        work.call();
        work.call();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            work.call();
            times.add((System.nanoTime() - started) / 1e6);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    /** Runs the queries and reads every row they answer, as a client of the database would. */
    Void sql(String... statements) {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                try (ResultSet rows = sql.executeQuery(statement)) {
                    while (rows.next()) {
                        rows.getObject(1);
                    }
                }
            }
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Void ok(int status) {
        assertEquals(200, status);
        return null;
    }
}
