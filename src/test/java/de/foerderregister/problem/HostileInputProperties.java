package de.foerderregister.problem;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ten thousand generated hostile requests — random and boundary values for every field, wrong
 * types, deep and huge JSON, odd unicode, path and query tricks: none gets a 5xx, and every 4xx
 * is a problem document that names no internals.
 */
class HostileInputProperties {

    private static final List<String> FIELDS = List.of("title", "ownerState", "type", "fundingSource", "startDate",
            "endDate", "requestedAmount", "annualPlan", "notes", "status", "approvedAmount", "version", "id");
    private static final List<String> DECISION_FIELDS = List.of("outcome", "approvedAmount", "body", "meetingDate",
            "agendaItem", "kind", "note");

    private static ApplicationContext context;
    private static TestApi api;
    private static Account state;
    private static Account fitko;
    private static long submitted;

    @BeforeContainer
    static void start() {
        context = ApplicationContext.run(Map.of(), "test");
        context.getBean(EmbeddedServer.class).start();
        api = context.getBean(TestApi.class);
        state = api.account(Role.STATE, StateCode.NW);
        fitko = api.account(Role.FITKO, null);
        submitted = api.submitted(StateCode.NW);
    }

    @AfterContainer
    static void stop() {
        context.close();
    }

    @Property(tries = 3000)
    void applicationBodies(@ForAll("applicationBodies") Map<String, Object> body) {
        assertWellRefusedOrAccepted(api.post(state, "/api/applications", body));
    }

    @Property(tries = 2000)
    void decisionBodies(@ForAll("decisionBodies") Map<String, Object> body) {
        assertWellRefusedOrAccepted(api.post(fitko, "/api/applications/" + submitted + "/decision", body));
    }

    @Property(tries = 2500)
    void rawBodies(@ForAll("rawBodies") String body) {
        assertWellRefusedOrAccepted(api.send("POST", "/api/applications", state.token(), body, Map.of()));
    }

    @Property(tries = 2500)
    void pathsAndQueries(@ForAll("paths") String path) {
        Response anonymous = api.send("GET", path, null, null, Map.of());
        // refused or unknown; a 405 names the methods of a route, never an application's data
        assertTrue(List.of(400, 401, 404, 405).contains(anonymous.status()), path + " without a token answered " + anonymous);
        assertWellRefusedOrAccepted(api.get(state, path));
    }

    @Example
    void encodedAndTrailingSlashVariantsGetTheSameAuthorisationAnswer() {
        long bavarian = api.submitted(StateCode.BY);
        for (String variant : List.of("/api/applications/" + bavarian, "/api/applications/" + bavarian + "/",
                "/api/applications/%3" + String.valueOf(bavarian).charAt(0) + String.valueOf(bavarian).substring(1),
                "/api/applications/" + bavarian + "/history", "/api/applications/" + bavarian + "/history/")) {
            assertEquals(401, api.send("GET", variant, null, null, Map.of()).status(), variant);
            Response other = api.get(state, variant);
            assertEquals(404, other.status(), variant + " for another state: " + other);
            assertFalse(other.body().contains("BY"), variant);
        }
        // dot segments are not resolved by the router: they reach no route, with or without a token
        for (String variant : List.of("/api/applications/./" + bavarian, "/api/applications/x/../" + bavarian)) {
            assertEquals(404, api.send("GET", variant, null, null, Map.of()).status(), variant);
            assertEquals(404, api.get(state, variant).status(), variant);
            assertEquals(404, api.get(fitko, variant).status(), variant);
        }
        assertEquals(401, api.send("GET", "/api/applications/", null, null, Map.of()).status());
        assertEquals(100, api.get(state, "/api/applications?size=100000").json().get("pageable").get("size").asInt());
    }

    private static void assertWellRefusedOrAccepted(Response response) {
        assertTrue(response.status() < 500, () -> "server error for a client's input: " + response);
        if (response.status() >= 400) {
            assertEquals("application/problem+json", response.contentType(), response::toString);
            JsonNode problem = response.json();
            assertEquals(response.status(), problem.get("status").asInt());
            assertFalse(response.body().contains("Exception"), response::toString);
            assertFalse(response.body().contains("de.foerderregister"), response::toString);
            assertFalse(response.body().contains("\tat "), response::toString);
        }
    }

    @Provide
    Arbitrary<Map<String, Object>> applicationBodies() {
        return bodies(FIELDS);
    }

    @Provide
    Arbitrary<Map<String, Object>> decisionBodies() {
        return bodies(DECISION_FIELDS);
    }

    private static Arbitrary<Map<String, Object>> bodies(List<String> fields) {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(fields), Arbitraries.strings().ofMaxLength(12));
        return Arbitraries.maps(keys, values()).ofMaxSize(fields.size()).map(LinkedHashMap::new);
    }

    /** Values of every JSON kind, with the edges that break naive code. */
    private static Arbitrary<Object> values() {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300).map(Object.class::cast),
                Arbitraries.of("", " ", "NW", "NRW", "APPROVED", "REFERENCE_IMPLEMENTATION", "STIMULUS_PACKAGE", "RESOLUTION",
                        "2021-02-30", "2021-01-01", "31.12.2022", "9999-12-31", "0000-01-01", "-1", "1e400", "NaN",
                        "=HYPERLINK(\"x\")", "\u0000", "\uD83D\uDE00", "\u202Eevil", "x".repeat(5000)).map(Object.class::cast),
                Arbitraries.bigDecimals().map(Object.class::cast),
                Arbitraries.of(new BigDecimal("1000000000000"), new BigDecimal("0.001"), new BigDecimal("-0.01"),
                        new BigDecimal("1E+30"), BigDecimal.ZERO).map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.just(null));
        return Arbitraries.oneOf(scalars,
                scalars.list().ofMaxSize(5).map(Object.class::cast),
                Combinators.combine(Arbitraries.integers().between(1900, 2100), scalars)
                        .as((year, amount) -> (Object) List.of(Map.of("year", year, "amount", amount == null ? "" : amount))));
    }

    @Provide
    Arbitrary<String> rawBodies() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(500),
                Arbitraries.integers().between(1, 5000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.integers().between(1, 5000).map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)),
                Arbitraries.of("null", "true", "\"text\"", "1e999999", "{\"title\": \"\\ud800\"}", "{\"title\":",
                        "{\"requestedAmount\": 1" + "0".repeat(400) + "}", "\uFEFF{}"));
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().ofMaxLength(12),
                Arbitraries.of("..", "%2e%2e", "%2F", "%00", "%C3%BC", "1", "-1", "99999999999999999999", "1.5", "%20", "",
                        "submit", "history", "decisions", "report.pdf", "amendments", "applications", "%61pplications"));
        Arbitrary<String> query = Arbitraries.oneOf(
                Arbitraries.of("", "?size=1000000000", "?size=-5", "?page=-1", "?page=99999999999", "?sort=password",
                        "?sort=title,desc,asc", "?status=%00", "?q=%25_%25", "?q=" + "a".repeat(2000), "?ownerState=nrw",
                        "?asOf=2021-13-45", "?format=pdf", "?q=%FF%FE"),
                Arbitraries.strings().alpha().ofMaxLength(10).map(value -> "?status=" + value));
        return Combinators.combine(segment.list().ofMinSize(0).ofMaxSize(4), query, Arbitraries.of("", "/"))
                .as((segments, q, slash) -> "/api/applications" + (segments.isEmpty() ? "" : "/" + String.join("/", segments)) + slash + q);
    }
}
