package de.foerderregister.application;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ReferenceNumbersTest {

    private static final int PARALLEL = 20;

    @Inject
    TestApi api;

    @Test
    void twentyParallelCreatesGetTwentyDistinctConsecutiveReferences() throws Exception {
        Account fitko = api.account(Role.FITKO, null);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Callable<Response>> creates = IntStream.range(0, PARALLEL).<Callable<Response>>mapToObj(i -> () -> {
                start.await();
                return api.post(fitko, "/api/applications", api.application(StateCode.values()[i % StateCode.values().length]));
            }).toList();
            List<Future<Response>> futures = creates.stream().map(pool::submit).toList();
            start.countDown();
            List<JsonNode> created = new java.util.ArrayList<>();
            for (Future<Response> future : futures) {
                Response response = future.get();
                assertEquals(201, response.status(), response.body());
                created.add(response.json());
            }
            Set<String> references = created.stream().map(json -> json.get("reference").asText()).collect(Collectors.toSet());
            assertEquals(PARALLEL, references.size(), references.toString());
            List<Integer> numbers = references.stream().map(reference -> Integer.parseInt(reference.substring(5))).sorted().toList();
            // drawn under one row lock: no gaps between the numbers of committed creates
            assertEquals(numbers.get(0) + PARALLEL - 1, numbers.get(PARALLEL - 1), numbers.toString());
            String year = String.valueOf(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).getYear());
            assertTrue(references.stream().allMatch(reference -> reference.startsWith(year + "-")), references.toString());
        } finally {
            pool.shutdownNow();
        }
    }
}
