package de.foerderregister.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The CSV import of a large file (100 000 rows, about 20 MB, {@code -Dbench.import.rows=}) as a job,
 * next to {@code LOAD DATA LOCAL INFILE} of the same rows into the applications' table (the
 * database's own ceiling: no rules, no audit, no year split), and the dry run of a file of the same
 * size. Run under the heap limit it is meant to hold:
 * {@code ./mvnw -Pbench test -Dtest=ImportBenchmark -DargLine=-Xmx256m}. The whole registry runs in the
 * test's JVM, so the limit printed is the registry's.
 */
@MicronautTest(transactional = false)
class ImportBenchmark {

    private static final int ROWS = Integer.getInteger("bench.import.rows", 100_000);
    private static final String HEADER = "title,owner_state,type,start_date,end_date,requested_amount_eur,status,notes\n";
    /** Makes a row about 200 bytes, as the minutes' rows with their notes are. */
    private static final String NOTE = "Umsetzung nach dem Beschluss der Abteilungsleiterrunde; Nachnutzung durch weitere Länder "
            + "vorgesehen, Mittelabruf jährlich";

    @Inject
    TestApi api;
    @Inject
    EmbeddedServer server;
    @Value("${datasources.default.url}")
    String url;
    @Value("${datasources.default.username:root}")
    String username;
    @Value("${datasources.default.password:}")
    String password;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    /** The registry runs in this JVM: the heap in use, sampled while the jobs are polled. */
    private long mostHeapUsed;

    @Test
    void importAgainstLoadData() throws Exception {
        Account fitko = api.account(Role.FITKO, null);
        String marker = api.unique("Bench");
        Path file = csv(marker);
        Path dryFile = csv(api.unique("Probe"));
        try {
            double importSeconds = job(fitko, file, "", "created");
            double drySeconds = job(fitko, dryFile, "?dryRun=true", "valid");
            double loadSeconds = loadData(marker);
            System.out.println(String.join("\n", "",
                    String.format("%-58s %12s %12s %8s", "import of " + ROWS + " rows (" + Files.size(file) / 1_000_000 + " MB)",
                            "registry", "LOAD DATA", "ratio"),
                    String.format("%-58s %12.0f %12.0f %8.3f", "  rows/s, written with audit events vs LOAD DATA LOCAL INFILE",
                            ROWS / importSeconds, ROWS / loadSeconds, loadSeconds / importSeconds),
                    String.format("%-58s %12.0f", "  rows/s, dry run (target >= 10 000)", ROWS / drySeconds),
                    String.format("  heap limit %d MB (-Xmx), most heap in use seen while the import ran %d MB",
                            Runtime.getRuntime().maxMemory() / (1024 * 1024), mostHeapUsed / (1024 * 1024)), ""));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dryFile);
        }
    }

    /** Half drafts, half submitted, over every state; written to disk, never held whole. */
    private static Path csv(String marker) throws IOException {
        Path file = Files.createTempFile("import-bench", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            for (int i = 0; i < ROWS; i++) {
                out.write(row(marker, i));
            }
        }
        return file;
    }

    private static String row(String marker, int i) {
        return "Projekt " + marker + " " + i + "," + StateCode.values()[i % 17].name() + "," + (i % 2 == 0 ? "RI" : "STD")
                + ",2021-01-01,2023-12-31," + (100_000 + i) + ".50," + (i % 2 == 0 ? "DRAFT" : "SUBMITTED") + ",\"" + NOTE + "\"\n";
    }

    /** Sends the file as a job, polls until it is done, asserts every row fared as expected; seconds from sending to done. */
    private double job(Account fitko, Path file, String query, String countedAs) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/imports/applications" + query))
                .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + fitko.token())
                .header("Content-Type", "text/csv").header("Prefer", "respond-async")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        while (true) {
            mostHeapUsed = Math.max(mostHeapUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            JsonNode job = json.readTree(api.get(fitko, location + "?size=1").body());
            if (!"RUNNING".equals(job.get("status").asText())) {
                double seconds = (System.nanoTime() - started) / 1e9;
                assertEquals("DONE", job.get("status").asText(), job.toString());
                assertEquals(ROWS, job.get("result").get("counts").get(countedAs).asInt(), job.toString());
                return seconds;
            }
            Thread.sleep(200);
        }
    }

    /**
     * The same rows by LOAD DATA LOCAL INFILE into funding_application: the database's own rate for
     * them. File numbers of 1997, which the registry never hands out (it numbers by the current year);
     * the rows are deleted again afterwards.
     */
    private double loadData(String marker) throws IOException, SQLException {
        Path rows = Files.createTempFile("load-data", ".tsv");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(rows, StandardCharsets.UTF_8)) {
                for (int i = 0; i < ROWS; i++) {
                    out.write(String.join("\t", String.format("1997-%06d", i), "Projekt " + marker + " LD " + i,
                            StateCode.values()[i % 17].name(), i % 2 == 0 ? "REFERENCE_IMPLEMENTATION" : "STANDARD",
                            "DIGITALISATION_BUDGET", "2021-01-01", "2023-12-31", (100_000 + i) + ".50",
                            i % 2 == 0 ? "DRAFT" : "SUBMITTED", NOTE, "loaddata") + "\n");
                }
            }
            try (Connection connection = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "allowLocalInfile=true",
                    username, password); Statement sql = connection.createStatement()) {
                long started = System.nanoTime();
                long loaded = sql.executeLargeUpdate("LOAD DATA LOCAL INFILE '" + rows.toAbsolutePath()
                        + "' INTO TABLE funding_application CHARACTER SET utf8mb4 (reference, title, owner_state, type,"
                        + " funding_source, start_date, end_date, requested_amount, status, notes, created_by)"
                        + " SET created_at = NOW(6), updated_at = NOW(6), version = 0");
                double seconds = (System.nanoTime() - started) / 1e9;
                assertEquals(ROWS, loaded);
                try (ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM funding_application WHERE created_by = 'loaddata'"
                        + " AND title LIKE 'Projekt " + marker + " LD %'")) {
                    count.next();
                    assertEquals(ROWS, count.getLong(1));
                }
                sql.executeUpdate("DELETE FROM funding_application WHERE created_by = 'loaddata'");
                return seconds;
            }
        } finally {
            Files.deleteIfExists(rows);
        }
    }
}
