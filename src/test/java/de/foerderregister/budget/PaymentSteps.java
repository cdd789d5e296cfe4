package de.foerderregister.budget;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The payment calls of the budget tests, over real HTTP, and an independent look at the kept totals. */
@Singleton
class PaymentSteps {

    /** After the approval of the Abteilungsleiterrunde of 19.01.2021 that {@link TestApi#decision} records. */
    static final String PAID_ON = "2021-03-01";

    private final TestApi api;
    private final DataSource dataSource;

    PaymentSteps(TestApi api, DataSource dataSource) {
        this.api = api;
        // plain connections outside the registry's transactions
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** An application of the state whose plan gives each year from {@code firstYear} on its amount, approved as requested. */
    long approvedOver(Account fitko, StateCode state, int firstYear, String... perYear) {
        Map<String, Object> body = api.application(state);
        List<Map<String, Object>> plan = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < perYear.length; i++) {
            plan.add(Map.of("year", firstYear + i, "amount", perYear[i]));
            total = total.add(new BigDecimal(perYear[i]));
        }
        body.put("startDate", firstYear + "-01-01");
        body.put("endDate", (firstYear + perYear.length - 1) + "-12-31");
        body.put("requestedAmount", total.toPlainString());
        body.put("annualPlan", plan);
        return api.approved(fitko, body, total.toPlainString());
    }

    Response request(Account account, long applicationId, String amount, int year) {
        return api.post(account, path(applicationId), Map.of("amount", amount, "year", year,
                "purpose", "Mittelabruf für Entwicklungsleistungen"));
    }

    /** Requests and answers the new payment's id; fails the test unless it was accepted. */
    long requested(Account account, long applicationId, String amount, int year) {
        Response requested = request(account, applicationId, amount, year);
        assertEquals(201, requested.status(), requested.body());
        return requested.json().get("id").asLong();
    }

    Response release(Account account, long applicationId, long paymentId) {
        return api.post(account, path(applicationId, paymentId) + "/release", null);
    }

    Response pay(Account account, long applicationId, long paymentId, String paidOn, String bookingReference) {
        return api.post(account, path(applicationId, paymentId) + "/paid",
                Map.of("paidOn", paidOn, "bookingReference", bookingReference));
    }

    Response reject(Account account, long applicationId, long paymentId) {
        return api.post(account, path(applicationId, paymentId) + "/reject", Map.of("reason", "Verwendungsnachweis fehlt"));
    }

    Response cancel(Account account, long applicationId, long paymentId) {
        return api.post(account, path(applicationId, paymentId) + "/cancel", Map.of("reason", "doppelt angefordert"));
    }

    /** Requested by {@code requester}, released by {@code fitko}, paid by {@code finance}; answers the payment's id. */
    long paid(Account requester, Account fitko, Account finance, long applicationId, String amount, int year) {
        long paymentId = requested(requester, applicationId, amount, year);
        Response released = release(fitko, applicationId, paymentId);
        assertEquals(200, released.status(), released.body());
        Response paid = pay(finance, applicationId, paymentId, PAID_ON, bookingReference());
        assertEquals(200, paid.status(), paid.body());
        return paymentId;
    }

    Response repay(Account account, long applicationId, String amount, int year) {
        return api.post(account, "/api/applications/" + applicationId + "/repayments", Map.of("amount", amount,
                "year", year, "receivedOn", "2021-06-30", "reason", "Minderausgaben im Projekt"));
    }

    JsonNode overview(Account account, long applicationId) {
        Response overview = api.get(account, path(applicationId));
        assertEquals(200, overview.status(), overview.body());
        return overview.json();
    }

    /** The overview's figures of one year as {approved, claimed, paid, repaid, remaining}. */
    List<String> year(JsonNode overview, int year) {
        for (JsonNode figures : overview.get("years")) {
            if (figures.get("year").asInt() == year) {
                return figures(figures);
            }
        }
        throw new AssertionError("no year " + year + " in " + overview);
    }

    static List<String> figures(JsonNode figures) {
        return List.of("approved", "claimed", "paid", "repaid", "remaining").stream()
                .map(name -> figures.get(name).decimalValue().toPlainString()).toList();
    }

    String bookingReference() {
        return api.unique("HKR-2021");
    }

    List<String> actions(Account account, long applicationId) {
        return StreamSupport.stream(api.get(account, "/api/applications/" + applicationId + "/history").json()
                .spliterator(), false).map(event -> event.get("action").asText()).toList();
    }

    static Map<String, List<String>> changes(JsonNode event) {
        Map<String, List<String>> changes = new LinkedHashMap<>();
        event.get("changes").forEach(change -> changes.put(change.get("field").asText(), List.of(
                change.get("oldValue").isNull() ? "null" : change.get("oldValue").asText(),
                change.get("newValue").isNull() ? "null" : change.get("newValue").asText())));
        return changes;
    }

    static Set<String> codes(Response problem) {
        return StreamSupport.stream(problem.json().get("errors").spliterator(), false)
                .map(error -> error.get("field").asText() + ":" + error.get("code").asText()).collect(Collectors.toSet());
    }

    static List<String> arguments(Response problem, String code) {
        for (JsonNode error : problem.json().get("errors")) {
            if (error.get("code").asText().equals(code)) {
                return StreamSupport.stream(error.get("arguments").spliterator(), false).map(JsonNode::asText).toList();
            }
        }
        throw new AssertionError("no error " + code + " in " + problem);
    }

    /** Runs the requests at the same moment, one thread each; answers their statuses in order. */
    static List<Response> race(int parallel, IntFunction<Response> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.apply(index);
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

    /**
     * The kept paid totals must equal the sums over the rows they are kept for, to the cent, for
     * every source and year: PAID payments less repayments.
     */
    void assertTotalsMatchTheRows() throws SQLException {
        Map<String, String> kept = sums("SELECT funding_source, year, paid FROM payment_total");
        Map<String, String> rows = sums("""
                SELECT a.funding_source, x.year, SUM(x.amount)
                FROM (SELECT application_id, year, amount FROM payment WHERE status = 'PAID'
                      UNION ALL SELECT application_id, year, -amount FROM repayment) x
                JOIN funding_application a ON a.id = x.application_id
                GROUP BY a.funding_source, x.year""");
        Set<String> keys = new HashSet<>(kept.keySet());
        keys.addAll(rows.keySet());
        Map<String, List<String>> differences = new TreeMap<>();
        for (String key : keys) {
            String keptValue = kept.getOrDefault(key, "0.00");
            String rowValue = rows.getOrDefault(key, "0.00");
            if (!keptValue.equals(rowValue)) {
                differences.put(key, List.of(keptValue, rowValue));
            }
        }
        assertEquals(Map.of(), differences, "payment_total (kept, rows) per source and year");
    }

    private Map<String, String> sums(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(query);
             ResultSet result = statement.executeQuery()) {
            Map<String, String> sums = new HashMap<>();
            while (result.next()) {
                sums.put(result.getString(1) + " " + result.getInt(2),
                        result.getBigDecimal(3).setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString());
            }
            return sums;
        }
    }

    private static String path(long applicationId) {
        return "/api/applications/" + applicationId + "/payments";
    }

    private static String path(long applicationId, long paymentId) {
        return path(applicationId) + "/" + paymentId;
    }

    @Nullable
    static JsonNode last(JsonNode array) {
        return array.isEmpty() ? null : array.get(array.size() - 1);
    }
}
