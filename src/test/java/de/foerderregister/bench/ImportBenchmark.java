package de.foerderregister.bench;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.security.Role;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The CSV import before the streaming rewrite: a synchronous upload below 1 MB, rows per second. */
@MicronautTest(transactional = false)
class ImportBenchmark {

    private static final int ROWS = Integer.getInteger("bench.import.rows", 4_000);

    @Inject
    TestApi api;
    @Inject
    EmbeddedServer server;

    @Test
    void importRowsPerSecond() throws Exception {
        Account fitko = api.account(Role.FITKO, null);
        Path file = Files.createTempFile("import-bench", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("title,owner_state,type,start_date,end_date,requested_amount_eur,status,notes\n");
            String marker = api.unique("Bench");
            for (int i = 0; i < ROWS; i++) {
                out.write("Projekt " + marker + " " + i + ",NW,RI,2021-01-01,2022-12-31,1011500.00,"
                        + (i % 2 == 0 ? "DRAFT" : "SUBMITTED") + ",Eine Notiz\n");
            }
        }
        HttpClient http = HttpClient.newHttpClient();
        long started = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/imports/applications"))
                .timeout(Duration.ofMinutes(30)).header("Authorization", "Bearer " + fitko.token())
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(200, answer.statusCode(), answer.body().substring(0, Math.min(500, answer.body().length())));
        System.out.printf("%nimport of %d rows (%d bytes): %.1f s, %.0f rows/s%n%n", ROWS, Files.size(file), seconds, ROWS / seconds);
        Files.delete(file);
    }
}
