package de.foerderregister;

import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import de.foerderregister.security.UserCommand;
import de.foerderregister.security.UserService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Talks to the running registry over real HTTP, as a user's client would: raw status, headers
 * and body, no exceptions for 4xx. Accounts are created per test with unique names, so tests
 * never depend on each other's data or on what an earlier run left in the database.
 */
@Singleton
public class TestApi {

    /** Meets the password rules; "correct horse battery staple" is on the list of common passwords. */
    public static final String PASSWORD = "Kopfsteinpflaster am Rheinufer 19";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** The years {@link #unusedYears} handed out in this JVM, to whichever test context asked. */
    private static final Set<Integer> CLAIMED_YEARS = ConcurrentHashMap.newKeySet();
    private static final int FIRST_FREE_YEAR = 2040;
    private static final int LAST_FREE_YEAR = 2099;

    private final EmbeddedServer server;
    private final UserService users;
    private final ObjectMapper json;
    private final javax.sql.DataSource dataSource;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Distinguishes this run's data from earlier runs' in a database that is kept. */
    private final Map<StateCode, Account> applicants = new ConcurrentHashMap<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    public TestApi(EmbeddedServer server, UserService users, ObjectMapper json, javax.sql.DataSource dataSource) {
        this.server = server;
        this.users = users;
        this.json = json;
        // plain connections, outside the registry's transactions
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /**
     * The first of {@code count} consecutive calendar years (between 2040 and 2099) that no budget
     * envelope and no application's year split uses yet. Envelopes are global per funding source ×
     * year and the database is shared by every test class and kept between runs, so a test that sets
     * envelopes gives its applications runtimes in years of its own.
     */
    public int unusedYears(int count) {
        for (int first = FIRST_FREE_YEAR; first + count - 1 <= LAST_FREE_YEAR; first++) {
            List<Integer> years = java.util.stream.IntStream.range(first, first + count).boxed().toList();
            if (years.stream().noneMatch(this::usedInDatabase) && years.stream().noneMatch(CLAIMED_YEARS::contains)
                    && CLAIMED_YEARS.addAll(years)) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " unused years left between " + FIRST_FREE_YEAR + " and "
                + LAST_FREE_YEAR + ": drop the test database");
    }

    private boolean usedInDatabase(int year) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM budget_envelope WHERE year = ?)"
                     + " OR EXISTS (SELECT 1 FROM year_allocation WHERE year = ?)")) {
            query.setInt(1, year);
            query.setInt(2, year);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A valid application body of the state running from 1 January of {@code firstYear} to 31 December
     * of {@code lastYear}, without an annual plan (the amount is split over the days).
     */
    public Map<String, Object> application(StateCode state, int firstYear, int lastYear, String amount) {
        Map<String, Object> body = application(state);
        body.put("startDate", firstYear + "-01-01");
        body.put("endDate", lastYear + "-12-31");
        body.put("requestedAmount", amount);
        body.remove("annualPlan");
        return body;
    }

    public record Account(String username, Role role, @Nullable StateCode state, String token) {
    }

    public record Response(int status, java.net.http.HttpHeaders headers, String body) {

        private static final com.fasterxml.jackson.databind.ObjectMapper READER = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

        public JsonNode json() {
            try {
                return READER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** A unique marker for titles and user names of one test. */
    public String unique(String prefix) {
        return prefix + "-" + run + "-" + SEQUENCE.incrementAndGet();
    }

    public Account account(Role role, @Nullable StateCode state) {
        String username = unique("t-" + role.name().toLowerCase() + (state == null ? "" : "-" + state.name().toLowerCase()));
        users.createAccount(new UserCommand(username, PASSWORD, role, state));
        Response login = login(username, PASSWORD);
        if (login.status() != 200) {
            throw new IllegalStateException("login failed: " + login);
        }
        return new Account(username, role, state, login.json().get("access_token").asText());
    }

    public Response login(String username, String password) {
        return send("POST", "/login", null, Map.of("username", username, "password", password), Map.of());
    }

    public Response get(Account account, String path) {
        return send("GET", path, account.token(), null, Map.of());
    }

    /** A download: raw status, content type and bytes. */
    public record Download(int status, String contentType, byte[] bytes) {

        public String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public Download download(Account account, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                    .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + account.token()).GET().build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The content of every page of a list ({@code path} with its query), fetched 100 at a time. */
    public List<JsonNode> pages(Account account, String path) {
        List<JsonNode> rows = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            Response response = get(account, path + (path.contains("?") ? "&" : "?") + "size=100&page=" + page);
            if (response.status() != 200) {
                throw new IllegalStateException("list failed: " + response);
            }
            JsonNode content = response.json().get("content");
            if (content.isEmpty()) {
                return rows;
            }
            content.forEach(rows::add);
        }
    }

    public Response post(Account account, String path, @Nullable Object body) {
        return send("POST", path, account.token(), body, Map.of());
    }

    public Response put(Account account, String path, Object body, Map<String, String> headers) {
        return send("PUT", path, account.token(), body, headers);
    }

    /** Creates a valid application and answers its JSON. */
    public JsonNode create(Account account, Map<String, Object> application) {
        Response created = post(account, "/api/applications", application);
        if (created.status() != 201) {
            throw new IllegalStateException("create failed: " + created);
        }
        return created.json();
    }

    /** A complete, valid application body for the given state with a unique title. */
    public Map<String, Object> application(StateCode state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", unique("Antrag"));
        body.put("ownerState", state.name());
        body.put("type", "REFERENCE_IMPLEMENTATION");
        body.put("fundingSource", "DIGITALISATION_BUDGET");
        body.put("startDate", "2021-01-01");
        body.put("endDate", "2022-12-31");
        body.put("requestedAmount", "1011500.00");
        body.put("annualPlan", List.of(Map.of("year", 2021, "amount", "500000.00"), Map.of("year", 2022, "amount", "511500.00")));
        body.put("notes", "Umfang des Projekts wird um Mehrwertsteuer erhöht");
        return body;
    }

    /**
     * The state's applicant shared by the tests of this context: a FITKO user may not decide what
     * they created or submitted, so decided applications are filed by the state.
     */
    public Account applicant(StateCode state) {
        return applicants.computeIfAbsent(state, s -> account(Role.STATE, s));
    }

    /** A new application of the state, filed and submitted by its {@link #applicant}; answers its id. */
    public long submitted(StateCode state) {
        return submitted(applicant(state), state);
    }

    /** A new application of the account's state (or NW), submitted; answers its id. */
    public long submitted(Account account, StateCode state) {
        long id = create(account, application(state)).get("id").asLong();
        Response submitted = post(account, "/api/applications/" + id + "/submit", null);
        if (submitted.status() != 200) {
            throw new IllegalStateException("submit failed: " + submitted);
        }
        return id;
    }

    /** A decision body of the Abteilungsleiterrunde of 19.01.2021, TOP 08. */
    /** A meeting's batch of decisions (POST /api/decisions): the body, date and agenda item of {@link #decision}. */
    public Map<String, Object> batch(List<Map<String, Object>> items) {
        Map<String, Object> batch = new LinkedHashMap<>(decision("APPROVED", null));
        batch.remove("outcome");
        batch.remove("note");
        batch.put("items", items);
        return batch;
    }

    public Map<String, Object> decision(String outcome, @Nullable String approvedAmount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome);
        if (approvedAmount != null) {
            body.put("approvedAmount", approvedAmount);
        }
        body.put("body", "Abteilungsleiterrunde");
        body.put("meetingDate", "2021-01-19");
        body.put("agendaItem", "TOP 08");
        body.put("kind", "RESOLUTION");
        body.put("note", "Notwendigkeit für Projekt folgt aus Patienten-Daten-Schutz-Gesetz");
        return body;
    }

    /**
     * An application filed by the state's applicant and approved by {@code fitko} for the amount
     * (requesting more where the amount exceeds the usual request); answers its id.
     */
    public long approved(Account fitko, StateCode state, String amount) {
        Map<String, Object> body = application(state);
        if (new BigDecimal(amount).compareTo(new BigDecimal((String) body.get("requestedAmount"))) > 0) {
            body.put("requestedAmount", amount);
            body.remove("annualPlan");
        }
        return approved(fitko, body, amount);
    }

    /** The application filed and submitted by its state's applicant, approved by {@code fitko} for the amount. */
    public long approved(Account fitko, Map<String, Object> application, String amount) {
        long id = filed(application);
        Response decided = post(fitko, "/api/applications/" + id + "/decision", decision("APPROVED", amount));
        if (decided.status() != 200) {
            throw new IllegalStateException("decision failed: " + decided);
        }
        return id;
    }

    /** The application filed and submitted by its state's {@link #applicant}; answers its id. */
    public long filed(Map<String, Object> application) {
        Account applicant = applicant(StateCode.valueOf((String) application.get("ownerState")));
        long id = create(applicant, application).get("id").asLong();
        Response submitted = post(applicant, "/api/applications/" + id + "/submit", null);
        if (submitted.status() != 200) {
            throw new IllegalStateException("submit failed: " + submitted);
        }
        return id;
    }

    /** Sends raw bytes, such as a file in the encoding an office saved it in, with the given content type. */
    public Response sendBytes(String method, String path, @Nullable String token, byte[] body, String contentType) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request; a body that is a String goes as it is, anything else as JSON. */
    public Response send(String method, String path, @Nullable String token, @Nullable Object body,
                         Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                    .timeout(Duration.ofSeconds(120));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            boolean hasContentType = headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("Content-Type"));
            if (body != null && !hasContentType) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            String payload = body == null ? null : body instanceof String text ? text : json.writeValueAsString(body);
            request.method(method, payload == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(payload));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
