package de.foerderregister.application;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may do what to whose application: every endpoint × every kind of caller × the state of the
 * target, each cell sent over HTTP with its own fresh application and asserted exactly.
 *
 * <p>The target application always belongs to NW. "STATE own" is an NW user, "STATE other" a BY user.
 * Another state's application must answer exactly like one that does not exist (404, never 403),
 * and a refused write must leave the application unchanged.
 */
@MicronautTest(transactional = false)
class AccessMatrixTest {

    private static final StateCode OWNER = StateCode.NW;
    private static final StateCode OTHER = StateCode.BY;
    private static final long MISSING_ID = Long.MAX_VALUE;

    @Inject
    TestApi api;

    /** The callers, in the column order of the table below. */
    enum Who {
        STATE_OWN, STATE_OTHER, FITKO, FINANCE, ADMIN
    }

    /** What the id in the path names. */
    enum Target {
        /** a fresh DRAFT of NW: every write that is allowed succeeds */
        DRAFT,
        /** a WITHDRAWN application of NW: allowed writes are refused by the status machine (409) */
        WITHDRAWN,
        /** an id that does not exist */
        MISSING
    }

    enum Endpoint {
        CREATE("POST", "/api/applications"),
        LIST("GET", "/api/applications"),
        GET("GET", "/api/applications/{id}"),
        UPDATE("PUT", "/api/applications/{id}"),
        SUBMIT("POST", "/api/applications/{id}/submit"),
        WITHDRAW("POST", "/api/applications/{id}/withdraw"),
        HISTORY("GET", "/api/applications/{id}/history");

        final String method;
        final String path;

        Endpoint(String method, String path) {
            this.method = method;
            this.path = path;
        }

        boolean isWrite() {
            return this == UPDATE || this == SUBMIT || this == WITHDRAW;
        }
    }

    record Row(Endpoint endpoint, Target target, int[] expected) {
    }

    private static Row row(Endpoint endpoint, Target target,
                           int stateOwn, int stateOther, int fitko, int finance, int admin) {
        return new Row(endpoint, target, new int[]{stateOwn, stateOther, fitko, finance, admin});
    }

    /** The matrix. Columns: STATE own, STATE other, FITKO, FINANCE, ADMIN. */
    static final List<Row> MATRIX = List.of(
            // no target: creating (body names NW) and listing
            row(Endpoint.CREATE, null, 201, 403, 201, 403, 403),
            row(Endpoint.LIST, null, 200, 200, 200, 200, 403),

            row(Endpoint.GET, Target.DRAFT, 200, 404, 200, 200, 403),
            row(Endpoint.UPDATE, Target.DRAFT, 200, 404, 200, 403, 403),
            row(Endpoint.SUBMIT, Target.DRAFT, 200, 404, 200, 403, 403),
            row(Endpoint.WITHDRAW, Target.DRAFT, 200, 404, 200, 403, 403),
            row(Endpoint.HISTORY, Target.DRAFT, 200, 404, 200, 200, 403),

            // the scope check comes before the status machine: no status leaks to another state,
            // and a role that may not write is told so before being told about the status
            row(Endpoint.GET, Target.WITHDRAWN, 200, 404, 200, 200, 403),
            row(Endpoint.UPDATE, Target.WITHDRAWN, 409, 404, 409, 403, 403),
            row(Endpoint.SUBMIT, Target.WITHDRAWN, 409, 404, 409, 403, 403),
            row(Endpoint.WITHDRAW, Target.WITHDRAWN, 409, 404, 409, 403, 403),
            row(Endpoint.HISTORY, Target.WITHDRAWN, 200, 404, 200, 200, 403),

            // a missing id answers 404 to every reader and writer; ADMIN is refused by role first
            row(Endpoint.GET, Target.MISSING, 404, 404, 404, 404, 403),
            row(Endpoint.UPDATE, Target.MISSING, 404, 404, 404, 404, 403),
            row(Endpoint.SUBMIT, Target.MISSING, 404, 404, 404, 404, 403),
            row(Endpoint.WITHDRAW, Target.MISSING, 404, 404, 404, 404, 403),
            row(Endpoint.HISTORY, Target.MISSING, 404, 404, 404, 404, 403));

    @Test
    void matrixCoversEveryEndpointForEveryCallerAndTarget() {
        for (Endpoint endpoint : Endpoint.values()) {
            List<Target> targets = MATRIX.stream().filter(row -> row.endpoint() == endpoint).map(Row::target).toList();
            if (endpoint == Endpoint.CREATE || endpoint == Endpoint.LIST) {
                assertEquals(1, targets.size(), endpoint.name());
            } else {
                assertEquals(Set.of(Target.values()), Set.copyOf(targets), endpoint.name());
                assertEquals(Target.values().length, targets.size(), endpoint.name());
            }
        }
        MATRIX.forEach(row -> assertEquals(Who.values().length, row.expected().length));
    }

    @TestFactory
    Stream<DynamicTest> everyCellOfTheAccessMatrix() {
        Map<Who, Account> callers = new EnumMap<>(Who.class);
        callers.put(Who.STATE_OWN, api.account(Role.STATE, OWNER));
        callers.put(Who.STATE_OTHER, api.account(Role.STATE, OTHER));
        callers.put(Who.FITKO, api.account(Role.FITKO, null));
        callers.put(Who.FINANCE, api.account(Role.FINANCE, null));
        callers.put(Who.ADMIN, api.account(Role.ADMIN, null));

        List<DynamicTest> cells = new ArrayList<>();
        for (Row row : MATRIX) {
            for (Who who : Who.values()) {
                int expected = row.expected()[who.ordinal()];
                String name = row.endpoint().method + " " + row.endpoint().path
                        + (row.target() == null ? "" : " on " + row.target() + " of " + OWNER)
                        + " as " + who + " → " + expected;
                cells.add(DynamicTest.dynamicTest(name, () -> assertCell(row, who, callers, expected)));
            }
        }
        return cells.stream();
    }

    private void assertCell(Row row, Who who, Map<Who, Account> callers, int expected) {
        Account caller = callers.get(who);
        Account owner = callers.get(Who.STATE_OWN);
        Account fitko = callers.get(Who.FITKO);
        long id = switch (row.target() == null ? Target.MISSING : row.target()) {
            case DRAFT -> api.create(owner, api.application(OWNER)).get("id").asLong();
            case WITHDRAWN -> withdrawn(owner);
            case MISSING -> MISSING_ID;
        };
        JsonNode before = row.target() == null || row.target() == Target.MISSING ? null
                : api.get(fitko, "/api/applications/" + id).json();

        String path = row.endpoint().path.replace("{id}", Long.toString(id));
        Map<String, Object> body = switch (row.endpoint()) {
            case CREATE, UPDATE -> api.application(OWNER);
            default -> null;
        };
        Response response = api.send(row.endpoint().method, path, caller.token(), body, Map.of());

        assertEquals(expected, response.status(), () -> row.endpoint().method + " " + path + " as " + who + ": " + response);
        if (expected >= 400) {
            assertEquals("application/problem+json", response.contentType(), response::toString);
            assertEquals(expected, response.json().get("status").asInt(), response::toString);
        }
        if (expected == 404) {
            // another state's application answers exactly like one that does not exist
            assertEquals("Application " + id + " does not exist.", response.json().get("detail").asText(), response::toString);
        }
        if (expected == 403 || expected == 404) {
            // the refusal names nothing of the application
            if (body != null) {
                assertFalse(response.body().contains((String) body.get("title")), response::toString);
            }
            if (before != null) {
                assertFalse(response.body().contains(before.get("reference").asText()), response::toString);
                assertFalse(response.body().contains(before.get("title").asText()), response::toString);
            }
        }
        if (before != null && row.endpoint().isWrite() && expected >= 400) {
            // a refused write changes nothing
            JsonNode after = api.get(fitko, "/api/applications/" + id).json();
            assertEquals(before, after, "refused " + row.endpoint() + " changed the application");
            assertEquals(row.target() == Target.WITHDRAWN ? List.of("CREATED", "WITHDRAWN") : List.of("CREATED"),
                    actions(api.get(fitko, "/api/applications/" + id + "/history").json()),
                    "refused " + row.endpoint() + " left history");
        }
        if (expected < 300) {
            assertSuccess(row.endpoint(), response, id, body, who, callers);
        }
    }

    /** What the caller sees when the cell allows the call. */
    private void assertSuccess(Endpoint endpoint, Response response, long id, Map<String, Object> body, Who who,
                               Map<Who, Account> callers) {
        JsonNode json = response.json();
        switch (endpoint) {
            case CREATE -> {
                assertEquals(OWNER.name(), json.get("ownerState").asText());
                assertEquals("DRAFT", json.get("status").asText());
                assertEquals(callers.get(who).username(), json.get("createdBy").asText());
                assertEquals(200, api.get(callers.get(Who.STATE_OWN), "/api/applications/" + json.get("id").asLong()).status());
            }
            case LIST -> {
                assertTrue(json.get("content").isArray(), response::toString);
                if (who == Who.STATE_OTHER) {
                    StreamSupport.stream(json.get("content").spliterator(), false)
                            .forEach(application -> assertEquals(OTHER.name(), application.get("ownerState").asText()));
                }
                if (who == Who.STATE_OWN) {
                    StreamSupport.stream(json.get("content").spliterator(), false)
                            .forEach(application -> assertEquals(OWNER.name(), application.get("ownerState").asText()));
                }
            }
            case GET -> {
                assertEquals(id, json.get("id").asLong());
                assertEquals(OWNER.name(), json.get("ownerState").asText());
            }
            case UPDATE -> {
                assertEquals(id, json.get("id").asLong());
                assertEquals(body.get("title"), json.get("title").asText());
                assertEquals(1, json.get("version").asLong());
            }
            case SUBMIT -> assertEquals("SUBMITTED", json.get("status").asText());
            case WITHDRAW -> assertEquals("WITHDRAWN", json.get("status").asText());
            case HISTORY -> {
                assertTrue(json.isArray(), response::toString);
                assertEquals("CREATED", json.get(0).get("action").asText());
            }
        }
        if (endpoint.isWrite()) {
            JsonNode last = lastEvent(api.get(callers.get(Who.FITKO), "/api/applications/" + id + "/history").json());
            assertEquals(callers.get(who).username(), last.get("actor").asText());
            assertEquals(callers.get(who).role().name(), last.get("actorRole").asText());
        }
    }

    @Test
    void stateUserCreatingWithoutOwnerStateFilesForTheirOwnState() {
        Account by = api.account(Role.STATE, StateCode.BY);
        Map<String, Object> body = api.application(StateCode.NW);
        body.remove("ownerState");

        Response created = api.post(by, "/api/applications", body);

        assertEquals(201, created.status(), created.body());
        assertEquals("BY", created.json().get("ownerState").asText());
    }

    @Test
    void stateUserCannotMoveTheirApplicationToAnotherState() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        long id = api.create(nw, api.application(StateCode.NW)).get("id").asLong();
        Map<String, Object> edit = api.application(StateCode.BY);

        Response moved = api.put(nw, "/api/applications/" + id, edit, Map.of());

        assertEquals(403, moved.status(), moved.body());
        assertEquals("application/problem+json", moved.contentType());
        JsonNode after = api.get(nw, "/api/applications/" + id).json();
        assertEquals("NW", after.get("ownerState").asText());
        assertEquals(0, after.get("version").asLong());
    }

    @Test
    void fitkoMayMoveAnApplicationBetweenStatesAndTheOldStateLosesSight() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        Account by = api.account(Role.STATE, StateCode.BY);
        Account fitko = api.account(Role.FITKO, null);
        long id = api.create(nw, api.application(StateCode.NW)).get("id").asLong();

        Response moved = api.put(fitko, "/api/applications/" + id, api.application(StateCode.BY), Map.of());

        assertEquals(200, moved.status(), moved.body());
        assertEquals("BY", moved.json().get("ownerState").asText());
        assertEquals(404, api.get(nw, "/api/applications/" + id).status());
        assertEquals(404, api.get(nw, "/api/applications/" + id + "/history").status());
        assertEquals(200, api.get(by, "/api/applications/" + id).status());
    }

    @Test
    void listIsScopedToTheStateUsersOwnState() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        Account by = api.account(Role.STATE, StateCode.BY);
        Account fitko = api.account(Role.FITKO, null);
        Account finance = api.account(Role.FINANCE, null);
        String marker = api.unique("Scope");
        Map<String, Object> nwBody = api.application(StateCode.NW);
        nwBody.put("title", marker + " NW");
        long nwId = api.create(nw, nwBody).get("id").asLong();
        Map<String, Object> byBody = api.application(StateCode.BY);
        byBody.put("title", marker + " BY");
        long byId = api.create(fitko, byBody).get("id").asLong();

        assertEquals(Set.of(nwId), ids(api.get(nw, "/api/applications?q=" + marker)));
        assertEquals(Set.of(byId), ids(api.get(by, "/api/applications?q=" + marker)));
        assertEquals(Set.of(nwId, byId), ids(api.get(fitko, "/api/applications?q=" + marker)));
        assertEquals(Set.of(nwId, byId), ids(api.get(finance, "/api/applications?q=" + marker)));

        // asking for another state's applications does not widen the scope
        Response otherState = api.get(nw, "/api/applications?ownerState=BY");
        assertEquals(200, otherState.status(), otherState.body());
        assertEquals(0, otherState.json().get("totalSize").asLong());
        assertEquals(0, otherState.json().get("content").size());
        assertEquals(Set.of(), ids(api.get(nw, "/api/applications?q=" + marker + "&ownerState=BY")));
        assertEquals(Set.of(byId), ids(api.get(finance, "/api/applications?q=" + marker + "&ownerState=BY")));

        // whatever the filter, sort or page, an NW user's list holds nothing but NW
        for (String query : List.of("", "?size=100", "?size=100&sort=ownerState,asc", "?size=100&sort=ownerState,desc",
                "?status=DRAFT&size=100", "?q=" + marker, "?ownerState=NW&size=100")) {
            Response list = api.get(nw, "/api/applications" + query);
            assertEquals(200, list.status(), query);
            assertEquals(Set.of("NW"), ownerStates(list), query);
        }
        // the total counts only NW as well
        long nwTotal = api.get(nw, "/api/applications").json().get("totalSize").asLong();
        assertEquals(api.get(fitko, "/api/applications?ownerState=NW").json().get("totalSize").asLong(), nwTotal);
        assertTrue(api.get(fitko, "/api/applications").json().get("totalSize").asLong() > nwTotal);
        assertTrue(ownerStates(api.get(finance, "/api/applications?q=" + marker)).containsAll(Set.of("NW", "BY")));
    }

    private long withdrawn(Account owner) {
        long id = api.create(owner, api.application(OWNER)).get("id").asLong();
        Response withdrawn = api.post(owner, "/api/applications/" + id + "/withdraw", null);
        assertEquals(200, withdrawn.status(), withdrawn.body());
        return id;
    }

    private static Set<Long> ids(Response page) {
        assertEquals(200, page.status(), page.body());
        return StreamSupport.stream(page.json().get("content").spliterator(), false)
                .map(application -> application.get("id").asLong()).collect(Collectors.toSet());
    }

    private static Set<String> ownerStates(Response page) {
        return StreamSupport.stream(page.json().get("content").spliterator(), false)
                .map(application -> application.get("ownerState").asText()).collect(Collectors.toSet());
    }

    private static List<String> actions(JsonNode history) {
        return StreamSupport.stream(history.spliterator(), false).map(event -> event.get("action").asText()).toList();
    }

    private static JsonNode lastEvent(JsonNode history) {
        return history.get(history.size() - 1);
    }
}
