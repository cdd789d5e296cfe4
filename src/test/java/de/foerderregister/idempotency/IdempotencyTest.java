package de.foerderregister.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class IdempotencyTest {

    @Inject
    TestApi api;

    @Test
    void aReplayReturnsTheFirstResponseAndCreatesNothing() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        Map<String, Object> body = api.application(StateCode.NW);
        Map<String, String> key = Map.of(IdempotentRequests.HEADER, UUID.randomUUID().toString());

        Response first = api.send("POST", "/api/applications", nw.token(), body, key);
        Response replay = api.send("POST", "/api/applications", nw.token(), body, key);
        assertEquals(201, first.status(), first.body());
        assertEquals(201, replay.status(), replay.body());
        assertEquals(first.json(), replay.json());
        assertEquals(first.header("Location"), replay.header("Location"));
        assertEquals(first.header("ETag"), replay.header("ETag"));
        assertEquals(1, api.get(nw, "/api/applications?q=" + body.get("title")).json().get("totalSize").asInt());

        Map<String, Object> other = api.application(StateCode.NW);
        Response misuse = api.send("POST", "/api/applications", nw.token(), other, key);
        assertEquals(422, misuse.status());
        assertEquals("application/problem+json", misuse.contentType());
        assertEquals(0, api.get(nw, "/api/applications?q=" + other.get("title")).json().get("totalSize").asInt());
    }

    @Test
    void keysBelongToTheirUser() {
        Account first = api.account(Role.STATE, StateCode.NW);
        Account second = api.account(Role.STATE, StateCode.NW);
        Map<String, String> key = Map.of(IdempotentRequests.HEADER, UUID.randomUUID().toString());
        Map<String, Object> body = api.application(StateCode.NW);
        long one = api.send("POST", "/api/applications", first.token(), body, key).json().get("id").asLong();
        long two = api.send("POST", "/api/applications", second.token(), body, key).json().get("id").asLong();
        assertTrue(one != two, "the same key of another user is another request");
    }

    @Test
    void keysCompareByteForByte() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        String key = "Antrag-" + UUID.randomUUID();
        Response lower = api.send("POST", "/api/applications", nw.token(), api.application(StateCode.NW),
                Map.of(IdempotentRequests.HEADER, key.toLowerCase() + "-e"));
        Response upper = api.send("POST", "/api/applications", nw.token(), api.application(StateCode.NW),
                Map.of(IdempotentRequests.HEADER, key.toUpperCase() + "-é"));
        assertEquals(201, lower.status(), lower.body());
        assertEquals(201, upper.status(), "another key, not a misuse of the first: " + upper.body());
        assertTrue(lower.json().get("id").asLong() != upper.json().get("id").asLong());
    }

    @Test
    void aFailedRequestLeavesTheKeyFree() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        Map<String, String> key = Map.of(IdempotentRequests.HEADER, UUID.randomUUID().toString());
        Map<String, Object> body = api.application(StateCode.NW);
        body.put("requestedAmount", "-1.00");
        assertEquals(422, api.send("POST", "/api/applications", nw.token(), body, key).status());
        body.put("requestedAmount", "1011500.00");
        assertEquals(201, api.send("POST", "/api/applications", nw.token(), body, key).status(),
                "only success is remembered: the corrected request may reuse the key");
    }

    @Test
    void decisionsAndBatchesAreIdempotentToo() throws Exception {
        Account fitko = api.account(Role.FITKO, null);
        long id = api.submitted(StateCode.SN);
        Map<String, String> key = Map.of(IdempotentRequests.HEADER, UUID.randomUUID().toString());
        Map<String, Object> decision = api.decision("APPROVED", "1011500.00");
        Response first = api.send("POST", "/api/applications/" + id + "/decision", fitko.token(), decision, key);
        Response replay = api.send("POST", "/api/applications/" + id + "/decision", fitko.token(), decision, key);
        assertEquals(200, first.status(), first.body());
        assertEquals(200, replay.status(), "a replay is not a second decision (which would be 409)");
        assertEquals(1, api.get(fitko, "/api/applications/" + id + "/decisions").json().size());

        long a = api.submitted(StateCode.SN);
        long b = api.submitted(StateCode.SN);
        Map<String, Object> batch = new java.util.HashMap<>(Map.of("body", "Abteilungsleiterrunde", "meetingDate", "2021-01-19",
                "agendaItem", "TOP 08", "kind", "RESOLUTION"));
        batch.put("items", List.of(Map.of("applicationId", a, "outcome", "REJECTED"), Map.of("applicationId", b, "outcome", "REJECTED")));
        Map<String, String> batchKey = Map.of(IdempotentRequests.HEADER, UUID.randomUUID().toString());
        // parallel duplicates: one runs, the others see it running (409) or replay it (201)
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(pool.submit(() -> {
                start.await();
                return api.send("POST", "/api/decisions", fitko.token(), batch, batchKey).status();
            }));
        }
        start.countDown();
        List<Integer> seen = new java.util.ArrayList<>();
        for (Future<Integer> status : statuses) {
            seen.add(status.get());
        }
        pool.shutdown();
        assertTrue(seen.stream().allMatch(status -> status == 201 || status == 409), seen.toString());
        assertTrue(seen.contains(201), seen.toString());
        assertEquals(1, api.get(fitko, "/api/applications/" + a + "/decisions").json().size());
        JsonNode replayed = api.send("POST", "/api/decisions", fitko.token(), batch, batchKey).json();
        assertEquals(2, replayed.get("applications").size());
    }
}
