package de.foerderregister.importing;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.security.Role;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static de.foerderregister.importing.ImportApiTest.HEADER;
import static de.foerderregister.importing.ImportApiTest.PATH;
import static de.foerderregister.importing.ImportApiTest.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import's own size limit, checked while the file streams in: 413 with a stable code, and nothing written. */
@MicronautTest(transactional = false)
@Property(name = "registry.imports.max-size", value = "64KB")
class ImportLimitTest {

    @Inject
    TestApi api;

    @Inject
    EmbeddedServer server;

    @Test
    void aFileAboveTheLimitIsRefusedWhileItStreamsAndNothingOfItIsWritten() throws Exception {
        Account fitko = api.account(Role.FITKO, null);
        String marker = api.unique("Zugross");
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        for (int i = 0; file.length() <= 64 * 1024; i++) {
            file.append(row("Zu groß " + marker + " " + i, "NW", "RI", "2021-01-01", "2021-12-31", "1000.00", "")).append('\n');
        }
        byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);

        Response announced = api.sendBytes("POST", PATH, fitko.token(), bytes, "text/csv");
        assertEquals(413, announced.status(), announced.body());
        assertTrue(announced.contentType().startsWith("application/problem+json"), announced.contentType());
        assertEquals("import.tooLarge", announced.json().get("errors").get(0).get("code").asText(), announced.body());
        assertEquals("65536", announced.json().get("errors").get(0).get("arguments").get(0).asText());

        // without a length the limit is found while the bytes are read
        HttpResponse<String> streamed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURL() + PATH))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + fitko.token())
                .header("Content-Type", "text/csv").header("Accept-Language", "de").header("Prefer", "respond-async")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, streamed.statusCode(), streamed.body());
        assertTrue(streamed.body().contains("\"code\":\"import.tooLarge\""), streamed.body());
        assertTrue(streamed.body().contains("Die Importdatei ist größer als die zulässigen 65536 Bytes"), streamed.body());

        assertEquals(0, api.get(fitko, "/api/applications?q=" + marker).json().get("totalSize").asLong());

        Response within = api.sendBytes("POST", PATH, fitko.token(),
                (HEADER + "\n" + row("Klein genug " + marker, "NW", "RI", "2021-01-01", "2021-12-31", "1000.00", "") + "\n")
                        .getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(200, within.status(), within.body());
    }

    @Test
    void anImporterIsCheckedBeforeTheFileIsRead() throws IOException {
        Response refused = api.sendBytes("POST", PATH, api.account(Role.FINANCE, null).token(),
                "x".repeat(100 * 1024).getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(403, refused.status(), refused.body());
    }
}
