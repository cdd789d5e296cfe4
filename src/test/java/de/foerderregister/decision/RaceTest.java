package de.foerderregister.decision;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Parallel writers on one application: exactly one wins, the rest are refused, nothing is written twice. */
@MicronautTest(transactional = false)
class RaceTest {

    private static final int PARALLEL = 16;

    @Inject
    TestApi api;

    @Test
    void sixteenParallelDecisionsOneWins() throws Exception {
        Account fitko = api.account(Role.FITKO, null);
        long id = api.submitted(StateCode.SN);
        List<Integer> statuses = race(() -> api.post(fitko, "/api/applications/" + id + "/decision",
                api.decision("APPROVED", "1011500.00")));

        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(PARALLEL - 1, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        assertEquals(1, api.get(fitko, "/api/applications/" + id + "/decisions").json().size());
        assertEquals(1, count(fitko, id, "DECIDED"));
    }

    @Test
    void sixteenParallelAmendmentsWithTheSameIfMatchOneWins() throws Exception {
        Account fitko = api.account(Role.FITKO, null);
        long id = api.approved(fitko, StateCode.SN, "1000000.00");
        String etag = api.get(fitko, "/api/applications/" + id).header("ETag");
        Map<String, Object> amendment = Map.of("newApprovedAmount", "1010000.00", "reason", "Mehrwertsteuer",
                "body", "Abteilungsleiterrunde", "meetingDate", "2021-02-01", "agendaItem", "TOP 08");
        List<Integer> statuses = race(() -> api.send("POST", "/api/applications/" + id + "/amendments", fitko.token(),
                amendment, Map.of("If-Match", etag)));

        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        // the losers' If-Match names a version that is no longer current once the winner committed
        assertEquals(PARALLEL - 1, statuses.stream().filter(status -> status == 412).count(), statuses.toString());
        assertEquals(1, api.get(fitko, "/api/applications/" + id + "/amendments").json().size());
        assertEquals(1, count(fitko, id, "AMENDED"));
    }

    private static List<Integer> race(Supplier<Response> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.get().status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private long count(Account account, long id, String action) {
        return StreamSupport.stream(api.get(account, "/api/applications/" + id + "/history").json().spliterator(), false)
                .filter(event -> event.get("action").asText().equals(action)).count();
    }
}
