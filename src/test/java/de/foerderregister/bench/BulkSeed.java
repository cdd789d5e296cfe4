package de.foerderregister.bench;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The benchmarks' bulk rows, by the same SQL as .ci/large-reports: one INSERT … SELECT per table over MariaDB's sequence engine. */
final class BulkSeed {

    private BulkSeed() {
    }

    /** Seeds {@code applications} bulk applications unless as many are there; answers how many applications there are. */
    static long seed(DataSource database, int applications) throws SQLException, IOException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            try (ResultSet existing = sql.executeQuery("SELECT COUNT(*) FROM funding_application WHERE created_by = 'bulk'")) {
                existing.next();
                if (existing.getLong(1) >= applications) {
                    return count(sql);
                }
            }
            String script;
            try (var in = BulkSeed.class.getResourceAsStream("/bench/seed.sql")) {
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{APPLICATIONS}}", String.valueOf(applications));
            }
            for (String statement : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    sql.execute(statement);
                }
            }
            return count(sql);
        }
    }

    private static long count(Statement sql) throws SQLException {
        try (ResultSet all = sql.executeQuery("SELECT COUNT(*) FROM funding_application")) {
            all.next();
            return all.getLong(1);
        }
    }
}
