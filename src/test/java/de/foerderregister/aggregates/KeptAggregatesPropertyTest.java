package de.foerderregister.aggregates;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of random changes through the API, as its users make them, several threads at once; after
 * every round every kept aggregate must equal the GROUP BY over the rows, to the cent. Run again with
 * {@code -Daggregates.seed=<seed>} to repeat a failing run's choices (the threads' interleaving differs).
 */
@MicronautTest(transactional = false)
class KeptAggregatesPropertyTest {

    private static final int THREADS = 4;
    private static final int ROUNDS = 10;
    private static final int OPERATIONS_PER_THREAD_AND_ROUND = 50;
    private static final StateCode[] STATES = {StateCode.BE, StateCode.HH, StateCode.SN};
    private static final String[] TYPES = {"REFERENCE_IMPLEMENTATION", "STANDARD"};
    private static final String[] SOURCES = {"DIGITALISATION_BUDGET", "STIMULUS_PACKAGE"};

    @Inject
    TestApi api;
    @Inject
    AggregateCheck check;

    private final List<Long> applications = new CopyOnWriteArrayList<>();
    private final Map<Long, StateCode> states = new ConcurrentHashMap<>();
    private final Map<Long, String> statuses = new ConcurrentHashMap<>();
    private final Map<Long, List<Long>> payments = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private Account fitko;
    private Account secondFitko;
    private Account finance;
    private int firstYear;

    @Test
    void everyKeptAggregateEqualsTheGroupByAfterRandomChanges() throws Exception {
        long seed = Long.getLong("aggregates.seed", System.nanoTime());
        fitko = api.account(Role.FITKO, null);
        secondFitko = api.account(Role.FITKO, null);
        finance = api.account(Role.FINANCE, null);
        firstYear = api.unusedYears(3);
        Random seeds = new Random(seed);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                List<Future<?>> running = new ArrayList<>();
                for (int thread = 0; thread < THREADS; thread++) {
                    Random random = new Random(seeds.nextLong());
                    running.add(threads.submit(() -> {
                        for (int i = 0; i < OPERATIONS_PER_THREAD_AND_ROUND; i++) {
                            operate(random);
                        }
                    }));
                }
                for (Future<?> thread : running) {
                    thread.get(5, TimeUnit.MINUTES);
                }
                AggregateReport report = check.verify(new Caller("property-test", Role.ADMIN, null), false);
                assertTrue(report.consistent(), "seed " + seed + ", after round " + round + ": " + report.text());
            }
        } finally {
            threads.shutdownNow();
        }
        System.out.println("KeptAggregatesPropertyTest seed " + seed + ", accepted changes: " + accepted);
        for (String kind : List.of("create", "edit", "submit", "decide", "batch", "amend", "carry", "request", "pay",
                "cancel", "repay", "withdraw")) {
            assertTrue(accepted.getOrDefault(kind, new AtomicInteger()).get() > 0, "seed " + seed + ": no " + kind + " accepted");
        }
    }

    private void operate(Random random) {
        int choice = random.nextInt(100);
        if (applications.size() < 8 || choice < 12) {
            create(random);
        } else if (choice < 18) {
            withStatus(random, "DRAFT", id -> count("edit", api.put(applicant(id), path(id), body(random, states.get(id)), Map.of()), id));
        } else if (choice < 30) {
            withStatus(random, random.nextBoolean() ? "DRAFT" : "RETURNED",
                    id -> count("submit", api.post(applicant(id), path(id) + "/submit", null), id));
        } else if (choice < 42) {
            String outcome = List.of("APPROVED", "APPROVED", "APPROVED", "REJECTED", "RETURNED").get(random.nextInt(5));
            withStatus(random, "SUBMITTED", id -> count("decide", api.post(fitko, path(id) + "/decision", api.decision(outcome,
                    "APPROVED".equals(outcome) ? amount(random, 1_000, 200_000) : null)), id));
        } else if (choice < 47) {
            batch(random);
        } else if (choice < 54) {
            withStatus(random, "APPROVED", id -> amend(random, id));
        } else if (choice < 60) {
            Map<String, Object> carry = new LinkedHashMap<>();
            carry.put("fromYear", firstYear + 1);
            carry.put("toYear", firstYear + 2);
            carry.put("amount", amount(random, 1, 5_000));
            carry.put("reason", "Verzögerte Vergabe");
            withStatus(random, "APPROVED", id -> count("carry", api.post(fitko, path(id) + "/carry-overs", carry), id));
        } else if (choice < 72) {
            withStatus(random, "APPROVED", id -> {
                Response requested = api.post(applicant(id), path(id) + "/payments", Map.of("amount", amount(random, 100, 5_000),
                        "year", firstYear + 1, "purpose", "Mittelabruf für Entwicklungsleistungen"));
                if (count("request", requested, id)) {
                    payments.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>()).add(requested.json().get("id").asLong());
                }
            });
        } else if (choice < 88) {
            List<Long> paid = new ArrayList<>(payments.keySet());
            if (!paid.isEmpty()) {
                long id = paid.get(random.nextInt(paid.size()));
                List<Long> ofApplication = payments.get(id);
                String payment = path(id) + "/payments/" + ofApplication.get(random.nextInt(ofApplication.size()));
                if (random.nextInt(5) == 0) {
                    count("cancel", api.post(fitko, payment + "/cancel", Map.of("reason", "doppelt angefordert")), id);
                } else {
                    api.post(fitko, payment + "/release", null);
                    count("pay", api.post(finance, payment + "/paid", Map.of("paidOn", "2021-03-01",
                            "bookingReference", api.unique("BR"))), id);
                }
            }
        } else if (choice < 95) {
            List<Long> paid = new ArrayList<>(payments.keySet());
            if (!paid.isEmpty()) {
                long id = paid.get(random.nextInt(paid.size()));
                count("repay", api.post(finance, path(id) + "/repayments", Map.of("amount", amount(random, 1, 200),
                        "year", firstYear + 1, "receivedOn", "2021-06-30", "reason", "Minderausgaben im Projekt")), id);
            }
        } else {
            long id = applications.get(random.nextInt(applications.size()));
            count("withdraw", api.post(applicant(id), path(id) + "/withdraw", null), id);
        }
    }

    private void create(Random random) {
        StateCode state = STATES[random.nextInt(STATES.length)];
        Response created = api.post(api.applicant(state), "/api/applications", body(random, state));
        long id = created.status() == 201 ? created.json().get("id").asLong() : 0;
        if (id != 0) {
            states.put(id, state);
            applications.add(id);
        }
        count("create", created, id);
    }

    /** A meeting's batch over submitted applications (a few stale ones make the whole batch refused, as they should). */
    private void batch(Random random) {
        List<Map<String, Object>> items = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            withStatus(random, "SUBMITTED", id -> {
                if (!ids.contains(id)) {
                    ids.add(id);
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("applicationId", id);
                    item.put("outcome", "APPROVED");
                    item.put("approvedAmount", amount(random, 1_000, 200_000));
                    items.add(item);
                }
            });
        }
        if (!items.isEmpty() && count("batch", api.post(fitko, "/api/decisions", api.batch(items)), 0)) {
            ids.forEach(id -> statuses.put(id, "APPROVED"));
        }
    }

    /** Runs the change on a random application last seen with this status, if there is one. */
    private void withStatus(Random random, String status, java.util.function.LongConsumer change) {
        List<Long> candidates = applications.stream().filter(id -> status.equals(statuses.get(id))).toList();
        if (!candidates.isEmpty()) {
            change.accept(candidates.get(random.nextInt(candidates.size())));
        }
    }

    private Account applicant(long id) {
        return api.applicant(states.get(id));
    }

    private static String path(long id) {
        return "/api/applications/" + id;
    }

    /** Proposed by one FITKO user; above the four-eyes limit it needs the other's confirmation. */
    private void amend(Random random, long id) {
        String path = path(id);
        Map<String, Object> amendment = new LinkedHashMap<>();
        amendment.put("newApprovedAmount", amount(random, 1_000, 250_000));
        amendment.put("reason", "Umfang des Projekts wird um Mehrwertsteuer erhöht");
        amendment.put("body", "IT-Planungsrat, 34. Sitzung");
        amendment.put("meetingDate", "2021-03-15");
        amendment.put("agendaItem", "TOP 3");
        Response proposed = api.post(fitko, path + "/amendments", amendment);
        if (count("amend", proposed, 0) && "PROPOSED".equals(proposed.json().get("amendment").get("state").asText())) {
            count("confirm", api.post(secondFitko, path + "/amendments/"
                    + proposed.json().get("amendment").get("id").asLong() + "/confirm", null), 0);
        }
    }

    private Map<String, Object> body(Random random, StateCode state) {
        int first = firstYear + random.nextInt(2);
        Map<String, Object> body = api.application(state, first, first + random.nextInt(2), amount(random, 10_000, 200_000));
        body.put("type", TYPES[random.nextInt(TYPES.length)]);
        body.put("fundingSource", SOURCES[random.nextInt(SOURCES.length)]);
        return body;
    }

    /** An amount in euros between the bounds, with random cents. */
    private static String amount(Random random, int least, int most) {
        return BigDecimal.valueOf(least * 100L + random.nextInt((most - least) * 100), 2).toPlainString();
    }

    /**
     * Counts an accepted change and notes the application's new status; a refused one (409, 422 …) must
     * have changed nothing, which the check proves.
     */
    private boolean count(String kind, Response response, long id) {
        boolean ok = response.status() == 200 || response.status() == 201;
        if (ok) {
            accepted.computeIfAbsent(kind, key -> new AtomicInteger()).incrementAndGet();
            if (id != 0 && response.json().has("status") && response.json().has("ownerState")) {
                statuses.put(id, response.json().get("status").asText());
            }
        } else {
            assertTrue(response.status() < 500, kind + " failed: " + response);
        }
        return ok;
    }
}
