package de.foerderregister.security;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading and changing accounts, resetting and changing passwords: the rules, the refusals, the audit trail. */
@MicronautTest(transactional = false)
class AccountApiTest {

    @Inject
    TestApi api;

    Account admin;

    @BeforeEach
    void accounts() {
        admin = api.account(Role.ADMIN, null);
    }

    @Test
    void adminReadsAndChangesAnAccountAndEachChangeIsAuditedOldToNew() {
        Account nw = api.account(Role.STATE, StateCode.NW);

        JsonNode shown = api.get(admin, "/api/users/" + nw.username()).json();
        assertEquals("STATE", shown.get("role").asText());
        assertEquals("NW", shown.get("state").asText());
        assertTrue(shown.get("email").isNull());

        Response changed = patch(nw.username(), Map.of("role", "FITKO", "email", "Referat@Example.org"));
        assertEquals(200, changed.status(), changed.body());
        assertEquals("FITKO", changed.json().get("role").asText());
        assertTrue(changed.json().get("state").isNull(), "leaving STATE drops the state");
        assertEquals("Referat@Example.org", changed.json().get("email").asText());
        assertEquals(200, patch(nw.username(), Map.of("enabled", false)).status());

        JsonNode history = api.get(admin, "/api/users/" + nw.username() + "/history").json();
        assertEquals(2, history.size(), history.toString());
        assertEquals("USER_CHANGED", history.get(0).get("action").asText());
        assertEquals(admin.username(), history.get(0).get("actor").asText());
        assertEquals(Map.of("role", "STATE→FITKO", "state", "NW→null", "email", "null→Referat@Example.org"),
                changes(history.get(0)));
        assertEquals(Map.of("enabled", "true→false"), changes(history.get(1)));
        assertFalse(history.toString().contains("$2"), "no hash in the trail");
        assertTrue(api.get(admin, "/api/audit/verify").json().get("intact").asBoolean());
    }

    @Test
    void adminSetsTheLanguageOfAnAccountsMailsAuditedOldToNewWithoutEndingItsSessions() {
        Account fitko = api.account(Role.FITKO, null);
        assertEquals("de", api.get(admin, "/api/users/" + fitko.username()).json().get("language").asText());
        Response changed = patch(fitko.username(), Map.of("language", "en"));
        assertEquals(200, changed.status(), changed.body());
        assertEquals("en", changed.json().get("language").asText());
        Response refused = patch(fitko.username(), Map.of("language", "fr"));
        assertEquals(422, refused.status());
        assertEquals(Set.of("language"), fields(refused));
        assertEquals(200, api.get(fitko, "/api/applications").status(), "the language vouches for nothing");

        JsonNode history = api.get(admin, "/api/users/" + fitko.username() + "/history").json();
        assertEquals(1, history.size(), history.toString());
        assertEquals(Map.of("language", "de→en"), changes(history.get(0)));
    }

    @Test
    void passwordResetsChangesAndCreationsAreAuditedWithoutAnyPasswordOrHash() {
        Account fitko = api.account(Role.FITKO, null);
        String created = api.unique("neu");
        assertEquals(201, api.post(admin, "/api/users", Map.of("username", created, "password", TestApi.PASSWORD,
                "role", "FINANCE")).status());
        assertEquals(204, api.post(admin, "/api/users/" + fitko.username() + "/password",
                Map.of("newPassword", "Zurückgesetzt am Montag")).status());
        Response login = api.login(fitko.username(), "Zurückgesetzt am Montag");
        Account renewed = new Account(fitko.username(), Role.FITKO, null, login.json().get("access_token").asText());
        assertEquals(204, api.post(renewed, "/api/me/password", Map.of("currentPassword", "Zurückgesetzt am Montag",
                "newPassword", "Selbst gewählt im Dezember")).status());

        JsonNode history = api.get(admin, "/api/users/" + fitko.username() + "/history").json();
        assertEquals(List.of("PASSWORD_RESET", "PASSWORD_CHANGED"), actions(history));
        assertEquals(List.of(admin.username(), fitko.username()),
                StreamSupport.stream(history.spliterator(), false).map(event -> event.get("actor").asText()).toList());
        JsonNode creation = api.get(admin, "/api/users/" + created + "/history").json();
        assertEquals(List.of("USER_CREATED"), actions(creation));
        assertEquals("null→FINANCE", changes(creation.get(0)).get("role"));
        for (JsonNode trail : List.of(history, creation)) {
            assertFalse(trail.toString().contains("Zurückgesetzt") || trail.toString().contains("Selbst gewählt")
                    || trail.toString().contains(TestApi.PASSWORD) || trail.toString().contains("$2"), trail.toString());
        }
        assertTrue(api.get(admin, "/api/audit/verify").json().get("intact").asBoolean());
    }

    @Test
    void weakPasswordsAreRefusedWith422NamingTheRuleWhereverTheyAreSet() {
        Account fitko = api.account(Role.FITKO, null);
        Map<String, String> weak = Map.of(
                "aaaaaaaaaaaa", "one character repeated",
                "            ", "one character repeated",
                "123456789012", "commonly used",
                "password1234", "commonly used",
                "correct horse battery staple", "commonly used",
                "Qwerty123456", "commonly used",
                fitko.username() + "2024", "username",
                "Mein " + fitko.username().toUpperCase() + " Konto", "username",
                "kurz", "12 to 128");
        weak.forEach((password, rule) -> {
            assertRule(api.post(admin, "/api/users/" + fitko.username() + "/password", Map.of("newPassword", password)),
                    "newPassword", rule, password);
            assertRule(api.post(fitko, "/api/me/password", Map.of("currentPassword", TestApi.PASSWORD, "newPassword", password)),
                    "newPassword", rule, password);
            String newUser = api.unique("w");
            String forNewUser = password.replace(fitko.username(), newUser)
                    .replace(fitko.username().toUpperCase(Locale.ROOT), newUser.toUpperCase(Locale.ROOT));
            assertRule(api.post(admin, "/api/users", Map.of("username", newUser, "password", forNewUser, "role", "FINANCE")),
                    "password", rule, forNewUser);
        });
        // nothing was changed: the old password and token still work
        assertEquals(200, api.get(fitko, "/api/applications").status());
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndThrottledLikeALogin() {
        Account fitko = api.account(Role.FITKO, null);
        for (int i = 0; i < 5; i++) {
            Response wrong = api.post(fitko, "/api/me/password", Map.of("currentPassword", "guess " + i,
                    "newPassword", "Ein neues langes Passwort"));
            assertEquals(422, wrong.status(), wrong.body());
            assertEquals(Set.of("currentPassword"), fields(wrong));
        }
        Response blocked = api.post(fitko, "/api/me/password", Map.of("currentPassword", TestApi.PASSWORD,
                "newPassword", "Ein neues langes Passwort"));
        assertEquals(429, blocked.status(), blocked.body());
        assertTrue(blocked.header("Retry-After") != null);
        assertEquals(429, api.login(fitko.username(), TestApi.PASSWORD).status(), "the guesses counted as failed logins");
    }

    @Test
    void roleAndStateMustFitTogetherAndEmailMustBeAnAddress() {
        Account fitko = api.account(Role.FITKO, null);
        assertEquals(Set.of("state"), fields(patch(fitko.username(), Map.of("role", "STATE"))));
        assertEquals(Set.of("state"), fields(patch(fitko.username(), Map.of("state", "NW"))));
        for (String email : List.of("kein-at-zeichen", "a@b", "zwei@@example.org", "leer zeichen@example.org", "x".repeat(250) + "@example.org")) {
            Response refused = patch(fitko.username(), Map.of("email", email));
            assertEquals(422, refused.status(), email + " → " + refused);
            assertEquals(Set.of("email"), fields(refused));
        }
        Response unknownRole = patch(fitko.username(), Map.of("role", "SUPERUSER"));
        assertEquals(400, unknownRole.status(), unknownRole.body());
        assertEquals("FITKO", api.get(admin, "/api/users/" + fitko.username()).json().get("role").asText());
        Response toState = patch(fitko.username(), Map.of("role", "STATE", "state", "HE"));
        assertEquals(200, toState.status(), toState.body());
        assertEquals("HE", toState.json().get("state").asText());
    }

    @Test
    void onlyAdminsManageAccountsAndUnknownUsersAre404() {
        Account fitko = api.account(Role.FITKO, null);
        Account nw = api.account(Role.STATE, StateCode.NW);
        assertEquals(403, api.get(nw, "/api/users/" + fitko.username()).status());
        assertEquals(403, api.send("PATCH", "/api/users/" + fitko.username(), nw.token(), Map.of("role", "ADMIN"), Map.of()).status());
        assertEquals(403, api.send("PATCH", "/api/users/" + nw.username(), nw.token(), Map.of("role", "ADMIN"), Map.of()).status());
        assertEquals(403, api.post(nw, "/api/users/" + fitko.username() + "/password", Map.of("newPassword", "Übernommen und geändert")).status());
        assertEquals(403, api.get(fitko, "/api/users/" + nw.username() + "/history").status());
        assertEquals(200, api.get(fitko, "/api/applications").status(), "refusals change nothing");

        String nobody = api.unique("niemand");
        assertEquals(404, api.get(admin, "/api/users/" + nobody).status());
        assertEquals(404, patch(nobody, Map.of("enabled", false)).status());
        assertEquals(404, api.post(admin, "/api/users/" + nobody + "/password", Map.of("newPassword", "Für niemanden gesetzt")).status());
    }

    private Response patch(String username, Map<String, Object> body) {
        return api.send("PATCH", "/api/users/" + username, admin.token(), body, Map.of());
    }

    private static void assertRule(Response refused, String field, String rule, String password) {
        assertEquals(422, refused.status(), "'" + password + "' → " + refused);
        assertEquals(Set.of(field), fields(refused), refused.body());
        assertTrue(refused.json().get("errors").get(0).get("message").asText().contains(rule), refused.body());
        if (!password.isBlank()) {
            assertFalse(refused.body().contains(password), "the problem must not echo the password");
        }
    }

    private static Map<String, String> changes(JsonNode event) {
        Map<String, String> changes = new HashMap<>();
        event.get("changes").forEach(change -> changes.put(change.get("field").asText(),
                text(change.get("oldValue")) + "→" + text(change.get("newValue"))));
        return changes;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "null" : value.asText();
    }

    private static List<String> actions(JsonNode history) {
        return StreamSupport.stream(history.spliterator(), false).map(event -> event.get("action").asText()).toList();
    }

    private static Set<String> fields(Response problem) {
        return StreamSupport.stream(problem.json().get("errors").spliterator(), false)
                .map(error -> error.get("field").asText()).collect(Collectors.toSet());
    }
}
