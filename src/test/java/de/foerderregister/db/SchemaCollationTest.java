package de.foerderregister.db;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The schema has one collation whatever the server's default (10.11 and 11.4 differ): text columns of two
 * tables compare, join and UNION without an "illegal mix of collations" and with the index of either side.
 */
@MicronautTest(transactional = false)
class SchemaCollationTest {

    private static final String COLLATION = "utf8mb4_unicode_ci";
    /** Declared otherwise on purpose: byte-for-byte keys. */
    private static final List<String> DECLARED = List.of("idempotency_record.idempotency_key:utf8mb4_bin",
            "login_attempt.bucket:ascii_bin");

    @Inject
    DataSource dataSource;

    @Test
    void everyTextColumnAndTheDatabaseDefaultShareOneCollation() throws SQLException {
        List<String> others = new ArrayList<>();
        String databaseDefault;
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement sql = connection.createStatement()) {
            try (ResultSet columns = sql.executeQuery("SELECT table_name, column_name, collation_name"
                    + " FROM information_schema.columns WHERE table_schema = DATABASE() AND collation_name IS NOT NULL"
                    + " AND table_name <> 'flyway_schema_history' ORDER BY table_name, column_name")) {
                while (columns.next()) {
                    if (!COLLATION.equals(columns.getString(3))) {
                        others.add(columns.getString(1) + "." + columns.getString(2) + ":" + columns.getString(3));
                    }
                }
            }
            try (ResultSet database = sql.executeQuery("SELECT @@collation_database")) {
                database.next();
                databaseDefault = database.getString(1);
            }
        }
        assertEquals(DECLARED, others);
        assertEquals(COLLATION, databaseDefault, "tables created by later versions take this default");
    }
}
