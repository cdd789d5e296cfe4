package de.foerderregister.budget;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static de.foerderregister.budget.EnvelopeApiTest.DIGITAL;
import static de.foerderregister.budget.EnvelopeApiTest.envelope;
import static de.foerderregister.budget.EnvelopeApiTest.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Approvals racing for the last money of an envelope, each of which would fit alone: exactly one
 * wins, on one registry and across two registries on one database, and what is committed never
 * exceeds the envelope.
 */
@MicronautTest(transactional = false)
class EnvelopeRaceTest {

    private static final int PARALLEL = 16;
    /** The usual amount of the tests' applications: many others of it would shift the data-quality median. */
    private static final String AMOUNT = "1011500.00";
    private static final String ROOM_FOR_ONE = "1517250.00";

    @Inject
    TestApi api;

    @Inject
    BudgetSql sql;

    @Inject
    ObjectMapper json;

    @Inject
    DatasourceConfiguration datasource;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void sixteenParallelApprovalsForRoomForOneOneWins() throws Exception {
        Account fitko = api.account(Role.FITKO, null);
        int year = api.unusedYears(1);
        List<Long> ids = applicationsWithRoomForOne(year);

        List<Callable<Response>> requests = new ArrayList<>();
        for (long id : ids) {
            requests.add(() -> api.post(fitko, "/api/applications/" + id + "/decision", api.decision("APPROVED", AMOUNT)));
        }

        assertOneWon(race(requests), year);
    }

    @Test
    void twoRegistriesOnOneDatabaseRacingForRoomForOneOneWins() throws Exception {
        Account fitko = api.account(Role.FITKO, null);
        int year = api.unusedYears(1);
        List<Long> ids = applicationsWithRoomForOne(year);
        // the first registry's database, wherever it is (the embedded one's URL is its server's)
        try (ApplicationContext second = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "datasources.default.url", datasource.getJdbcUrl(),
                "datasources.default.username", datasource.getUsername(),
                "datasources.default.password", datasource.getPassword() == null ? "" : datasource.getPassword(),
                "registry.demo-data.enabled", false), "test").getApplicationContext()) {
            URI secondServer = second.getBean(EmbeddedServer.class).getURI();
            List<Callable<Response>> requests = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                long id = ids.get(i);
                String decision = "/api/applications/" + id + "/decision";
                // every other request to the other registry, so each has half of the contenders
                requests.add(i % 2 == 0
                        ? () -> api.post(fitko, decision, api.decision("APPROVED", AMOUNT))
                        : () -> post(secondServer, fitko, decision, api.decision("APPROVED", AMOUNT)));
            }

            // every answer of either registry is the winner's 200 or the envelope's 409
            assertOneWon(race(requests), year);
        }
    }

    /** Sixteen submitted applications of the year, and an envelope with room for exactly one of them. */
    private List<Long> applicationsWithRoomForOne(int year) {
        Account finance = api.account(Role.FINANCE, null);
        Response set = api.put(finance, path(DIGITAL, year), envelope(ROOM_FOR_ONE, "Rest des Mittelrahmens"), Map.of());
        assertEquals(200, set.status(), set.body());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            ids.add(api.filed(api.application(StateCode.values()[i], year, year, AMOUNT)));
        }
        return ids;
    }

    private void assertOneWon(List<Response> responses, int year) {
        assertEquals(1, responses.stream().filter(response -> response.status() == 200).count(), responses.toString());
        List<Response> refused = responses.stream().filter(response -> response.status() != 200).toList();
        assertEquals(PARALLEL - 1, refused.size());
        for (Response response : refused) {
            assertEquals(409, response.status(), response.body());
            JsonNode error = response.json().get("errors").get(0);
            assertEquals("envelope.exceeded", error.get("code").asText(), "refused by the envelope, not by a lost race: "
                    + response.body());
        }
        BigDecimal committed = sql.committed(DIGITAL, year);
        assertEquals(new BigDecimal(AMOUNT), committed);
        assertEquals(committed, sql.keptTotal(DIGITAL, year));
        assertTrue(committed.compareTo(new BigDecimal(ROOM_FOR_ONE)) <= 0);
        assertEquals(List.of(), sql.overCommitments(DIGITAL, year));
    }

    private static List<Response> race(List<Callable<Response>> requests) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private Response post(URI server, Account account, String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + account.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
