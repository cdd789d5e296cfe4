package de.foerderregister.security;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/users}: only ADMIN manages accounts; every rule names its field; no password ever leaves. */
@MicronautTest(transactional = false)
class UserApiTest {

    private static final String USERS = "/api/users";
    private static final String NEW_PASSWORD = "ein sehr geheimes Passwort";

    @Inject
    TestApi api;

    Account admin;

    @BeforeEach
    void accounts() {
        admin = api.account(Role.ADMIN, null);
    }

    @Test
    void adminCreatesAStateUserAndSeesNoPasswordOrHash() {
        String username = username();

        Response created = api.post(admin, USERS, user(username, NEW_PASSWORD, "STATE", "HE"));

        assertEquals(201, created.status(), created.body());
        JsonNode json = created.json();
        long id = json.get("id").asLong();
        assertEquals("/api/users/" + id, created.header("Location"));
        assertEquals(username, json.get("username").asText());
        assertEquals("STATE", json.get("role").asText());
        assertEquals("HE", json.get("state").asText());
        assertTrue(json.get("enabled").asBoolean());
        assertFalse(json.get("createdAt").asText().isBlank());
        assertEquals(Set.of("id", "username", "role", "state", "enabled", "email", "language", "createdAt", "provider"), fieldNames(json));
        assertNoSecrets(created, NEW_PASSWORD);
    }

    @Test
    void adminListsUsersWithoutAnyPasswordOrHash() {
        String username = username();
        api.post(admin, USERS, user(username, NEW_PASSWORD, "FINANCE", null));

        Response list = api.get(admin, USERS);

        assertEquals(200, list.status(), list.body());
        assertTrue(list.json().isArray());
        JsonNode mine = StreamSupport.stream(list.json().spliterator(), false)
                .filter(user -> user.get("username").asText().equals(username)).findFirst().orElseThrow();
        assertEquals("FINANCE", mine.get("role").asText());
        assertTrue(mine.get("state").isNull());
        for (JsonNode user : list.json()) {
            assertEquals(Set.of("id", "username", "role", "state", "enabled", "email", "language", "createdAt", "provider"), fieldNames(user));
        }
        assertNoSecrets(list, NEW_PASSWORD);
        assertNoSecrets(list, TestApi.PASSWORD);
    }

    @Test
    void everyOtherRoleIsRefused403OnCreateAndList() {
        for (Account caller : List.of(api.account(Role.STATE, StateCode.NW), api.account(Role.FITKO, null),
                api.account(Role.FINANCE, null))) {
            String username = username();
            Response create = api.post(caller, USERS, user(username, NEW_PASSWORD, "ADMIN", null));
            assertEquals(403, create.status(), caller.role() + ": " + create);
            assertEquals("application/problem+json", create.contentType());
            assertEquals(401, api.login(username, NEW_PASSWORD).status(), "refused create must not make the account");

            Response list = api.get(caller, USERS);
            assertEquals(403, list.status(), caller.role() + ": " + list);
            assertEquals("application/problem+json", list.contentType());
            assertFalse(list.body().contains(admin.username()));
        }
    }

    @Test
    void withoutTokenUsersAnswer401() {
        assertEquals(401, api.send("GET", USERS, null, null, Map.of()).status());
        String username = username();
        assertEquals(401, api.send("POST", USERS, null, user(username, NEW_PASSWORD, "ADMIN", null), Map.of()).status());
        assertEquals(401, api.login(username, NEW_PASSWORD).status());
    }

    @Test
    void usernameMustMatchThePattern() {
        String base = username().replace("-", "");
        for (String bad : List.of("ab", "Abc" + base, base.toUpperCase(), "." + base, "_" + base, "-" + base,
                base + " x", base + "ä", base + "@example.org", "x".repeat(65), "", "  ", base + "\n")) {
            assertRefused(user(bad, NEW_PASSWORD, "FITKO", null), "username");
        }
        assertRefused(withoutKey(user("x", NEW_PASSWORD, "FITKO", null), "username"), "username");

        // the boundaries and every allowed character
        for (String good : List.of(unique3(), "9" + base, base + "._-x", (base + "y".repeat(64)).substring(0, 64))) {
            Response created = api.post(admin, USERS, user(good, NEW_PASSWORD, "FITKO", null));
            assertEquals(201, created.status(), good + " → " + created);
            assertEquals(good, created.json().get("username").asText());
        }
    }

    @Test
    void passwordMustBe12To128Characters() {
        assertRefused(user(username(), "Elf Zeichen", "FITKO", null), "password");
        assertRefused(user(username(), "xy".repeat(64) + "z", "FITKO", null), "password");
        assertRefused(user(username(), "", "FITKO", null), "password");
        assertRefused(withoutKey(user(username(), "x", "FITKO", null), "password"), "password");

        for (String good : List.of("Zwölf Zeiche", "xy".repeat(64))) {
            String username = username();
            Response created = api.post(admin, USERS, user(username, good, "FITKO", null));
            assertEquals(201, created.status(), good.length() + " → " + created);
            assertEquals(200, api.login(username, good).status(), good.length() + " characters");
            assertNoSecrets(created, good);
        }
    }

    @Test
    void passwordsBeyondBcrypts72BytesCountInFull() {
        // 128 characters, 256 bytes in UTF-8: bcrypt alone would read only the first 72 bytes
        String umlauts = "äö".repeat(64);
        String username = username();

        Response created = api.post(admin, USERS, user(username, umlauts, "FITKO", null));

        assertEquals(201, created.status(), created.body());
        assertEquals(200, api.login(username, umlauts).status());
        // the same first 72 bytes, a different end: refused
        assertEquals(401, api.login(username, "äö".repeat(63) + "äü").status());

        // an over-long password at login is just a wrong password, for known and unknown users
        Account known = api.account(Role.FITKO, null);
        for (String overlong : List.of("ä".repeat(200), "x".repeat(1000))) {
            assertEquals(401, api.login(known.username(), overlong).status(), overlong.length() + " characters");
            assertEquals(401, api.login(api.unique("niemand"), overlong).status(), overlong.length() + " characters");
        }
    }

    @Test
    void roleIsRequiredAndMustBeKnown() {
        assertRefused(user(username(), NEW_PASSWORD, null, null), "role");
        assertRefused(withoutKey(user(username(), NEW_PASSWORD, "FITKO", null), "role"), "role");

        Response unknown = api.post(admin, USERS, user(username(), NEW_PASSWORD, "SUPERUSER", null));
        assertEquals(400, unknown.status(), unknown.body());
        assertEquals("application/problem+json", unknown.contentType());
        assertEquals(Set.of("role"), fields(unknown));
    }

    @Test
    void stateIsRequiredForAndOnlyForStateUsers() {
        assertRefused(user(username(), NEW_PASSWORD, "STATE", null), "state");
        for (String role : List.of("FITKO", "FINANCE", "ADMIN")) {
            assertRefused(user(username(), NEW_PASSWORD, role, "NW"), "state");
        }
        Response unknownState = api.post(admin, USERS, user(username(), NEW_PASSWORD, "STATE", "XX"));
        assertEquals(400, unknownState.status(), unknownState.body());
        assertEquals(Set.of("state"), fields(unknownState));
    }

    @Test
    void everyBrokenRuleIsNamedAtOnce() {
        Response refused = api.post(admin, USERS, user("X", "short", "STATE", null));

        assertEquals(422, refused.status(), refused.body());
        assertEquals(Set.of("username", "password", "state"), fields(refused));
        assertFalse(refused.body().contains("short"), "the problem must not echo the password");
    }

    @Test
    void duplicateUsernameAnswers409AndKeepsTheFirstAccount() {
        String username = username();
        assertEquals(201, api.post(admin, USERS, user(username, NEW_PASSWORD, "STATE", "NW")).status());

        Response duplicate = api.post(admin, USERS, user(username, "another password entirely", "FITKO", null));

        assertEquals(409, duplicate.status(), duplicate.body());
        assertEquals("application/problem+json", duplicate.contentType());
        assertEquals(409, duplicate.json().get("status").asInt());
        assertEquals(200, api.login(username, NEW_PASSWORD).status());
        assertEquals(401, api.login(username, "another password entirely").status());
        assertEquals(List.of("STATE"), roles(api.login(username, NEW_PASSWORD)));
    }

    @Test
    void invalidBodyAnswers400() {
        Response notJson = api.send("POST", USERS, admin.token(), "{not json", Map.of());
        assertEquals(400, notJson.status(), notJson.body());
        Response array = api.send("POST", USERS, admin.token(), "[]", Map.of());
        assertEquals(400, array.status(), array.body());
    }

    @Test
    void createdStateUserLogsInAndIsScopedToTheirState() {
        String username = username();
        assertEquals(201, api.post(admin, USERS, user(username, NEW_PASSWORD, "STATE", "SN")).status());
        Account fitko = api.account(Role.FITKO, null);
        long byId = api.create(fitko, api.application(StateCode.BY)).get("id").asLong();

        Response login = api.login(username, NEW_PASSWORD);
        assertEquals(200, login.status(), login.body());
        assertEquals(List.of("STATE"), roles(login));
        Account sn = new Account(username, Role.STATE, StateCode.SN, login.json().get("access_token").asText());

        Map<String, Object> withoutState = api.application(StateCode.SN);
        withoutState.remove("ownerState");
        JsonNode own = api.create(sn, withoutState);
        assertEquals("SN", own.get("ownerState").asText());
        assertEquals(username, own.get("createdBy").asText());
        assertEquals(200, api.get(sn, "/api/applications/" + own.get("id").asLong()).status());
        assertEquals(200, api.get(fitko, "/api/applications/" + own.get("id").asLong()).status());

        assertEquals(404, api.get(sn, "/api/applications/" + byId).status());
        assertEquals(404, api.get(sn, "/api/applications/" + byId + "/history").status());
        assertEquals(403, api.post(sn, "/api/applications", api.application(StateCode.BY)).status());
        assertEquals(403, api.get(sn, USERS).status());
        Response list = api.get(sn, "/api/applications?size=100");
        assertEquals(200, list.status());
        assertEquals(Set.of("SN"), StreamSupport.stream(list.json().get("content").spliterator(), false)
                .map(application -> application.get("ownerState").asText()).collect(Collectors.toSet()));
    }

    @Test
    void createdAdminCanManageUsersButNotApplications() {
        String username = username();
        assertEquals(201, api.post(admin, USERS, user(username, NEW_PASSWORD, "ADMIN", null)).status());
        Response login = api.login(username, NEW_PASSWORD);
        assertEquals(200, login.status());
        Account second = new Account(username, Role.ADMIN, null, login.json().get("access_token").asText());

        assertEquals(200, api.get(second, USERS).status());
        assertEquals(201, api.post(second, USERS, user(username(), NEW_PASSWORD, "FINANCE", null)).status());
        assertEquals(403, api.get(second, "/api/applications").status());
        assertEquals(403, api.post(second, "/api/applications", api.application(StateCode.NW)).status());
    }

    private void assertRefused(Map<String, Object> body, String field) {
        Response refused = api.post(admin, USERS, body);
        assertEquals(422, refused.status(), body + " → " + refused);
        assertEquals("application/problem+json", refused.contentType());
        assertEquals(Set.of(field), fields(refused), body + " → " + refused);
        Object username = body.get("username");
        Object password = body.get("password");
        if (username instanceof String name && !name.isBlank() && password instanceof String secret && !secret.isBlank()) {
            assertEquals(401, api.login(name, secret).status(), "refused account exists: " + name);
        }
    }

    private String username() {
        return api.unique("u");
    }

    /** A unique 3-character username: the shortest allowed. */
    private String unique3() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        java.util.Random random = new java.security.SecureRandom();
        for (int attempt = 0; attempt < 50; attempt++) {
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (StreamSupport.stream(api.get(admin, USERS).json().spliterator(), false)
                    .noneMatch(user -> user.get("username").asText().contentEquals(name))) {
                return name.toString();
            }
        }
        throw new IllegalStateException("no free three-letter name");
    }

    private static Map<String, Object> user(String username, String password, String role, String state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("role", role);
        body.put("state", state);
        return body;
    }

    private static Map<String, Object> withoutKey(Map<String, Object> body, String key) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.remove(key);
        return copy;
    }

    private static void assertNoSecrets(Response response, String password) {
        String body = response.body();
        assertFalse(body.contains(password), "password in " + body);
        assertFalse(body.toLowerCase().contains("password"), "password field in " + body);
        assertFalse(body.toLowerCase().contains("hash"), "hash field in " + body);
        assertFalse(body.matches("(?s).*\\$2[abxy]?\\$\\d\\d\\$.*"), "bcrypt hash in " + body);
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new java.util.HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> fields(Response problem) {
        return StreamSupport.stream(problem.json().get("errors").spliterator(), false)
                .map(error -> error.get("field").asText()).collect(Collectors.toSet());
    }

    private static List<String> roles(Response login) {
        return StreamSupport.stream(login.json().get("roles").spliterator(), false).map(JsonNode::asText).toList();
    }
}
