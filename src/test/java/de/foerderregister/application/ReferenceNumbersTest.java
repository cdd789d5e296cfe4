package de.foerderregister.application;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.db.OtherLane;
import de.foerderregister.security.Role;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ReferenceNumbersTest {

    private static final int PARALLEL = 20;

    @Inject
    TestApi api;

    @Inject
    DatasourceConfiguration datasource;

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

    @Test
    void aLaneHandsOutItsBlockInOrderAndTakesANewOneWhenTooFewAreLeft() {
        try (OtherLane second = new OtherLane(datasource, Map.of("registry.references.block-size", 5))) {
            ReferenceNumbers references = second.bean(ReferenceNumbers.class);
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> transactions = second.bean(TransactionOperations.class);
            Function<Integer, List<Integer>> draw = count -> transactions.executeWrite(status -> references.next(count))
                    .stream().map(reference -> Integer.parseInt(reference.substring(5))).toList();
            // a fresh block for the lane: whatever it held before is left
            List<Integer> first = draw.apply(5);
            assertConsecutive(first, 5);
            List<Integer> three = draw.apply(3);
            assertConsecutive(three, 3);
            assertTrue(three.get(0) > first.get(4), three + " after " + first);
            List<Integer> sameBlock = draw.apply(2);
            assertEquals(List.of(three.get(2) + 1, three.get(2) + 2), sameBlock, "the rest of the block, in order");
            List<Integer> rolledBack = transactions.executeWrite(status -> {
                List<Integer> drawn = draw.apply(1);
                status.setRollbackOnly();
                return drawn;
            });
            assertTrue(rolledBack.get(0) > sameBlock.get(1));
            // an import's chunk larger than a block comes from one block of its size
            List<Integer> chunk = draw.apply(12);
            assertConsecutive(chunk, 12);
            assertTrue(chunk.get(0) > sameBlock.get(1), chunk + " after " + sameBlock);
        }
    }

    private static void assertConsecutive(List<Integer> numbers, int count) {
        assertEquals(count, numbers.size(), numbers.toString());
        assertEquals(IntStream.range(0, count).mapToObj(i -> numbers.get(0) + i).toList(), numbers);
    }
}
