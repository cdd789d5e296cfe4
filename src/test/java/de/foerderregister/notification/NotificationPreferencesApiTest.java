package de.foerderregister.notification;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /api/me/notifications}: users set their own address, language and opt-outs; a new address
 * needs the current password; every change is one audit event on the account.
 */
@MicronautTest(transactional = false)
class NotificationPreferencesApiTest {

    private static final String PATH = "/api/me/notifications";

    @Inject
    TestApi api;

    Account admin;
    Account hb;

    @BeforeEach
    void accounts() {
        admin = api.account(Role.ADMIN, null);
        hb = api.account(Role.STATE, StateCode.HB);
    }

    @Test
    void aUserSeesTheKindsOfTheirRoleAllReceivedUntilTheyOptOut() {
        JsonNode state = api.get(hb, PATH).json();
        assertTrue(state.get("email").isNull());
        assertEquals("de", state.get("language").asText());
        assertEquals(Map.of("APPLICATION_DECIDED", true, "PAYMENT_RELEASED", true, "PAYMENT_PAID", true,
                "PAYMENT_REJECTED", true, "OBLIGATION_DUE", true, "OBLIGATION_OVERDUE", true, "WEEKLY_DIGEST", true),
                kinds(state));
        assertEquals(Map.of("APPLICATION_SUBMITTED", true, "AMENDMENT_PROPOSED", true, "WEEKLY_DIGEST", true),
                kinds(api.get(api.account(Role.FITKO, null), PATH).json()));
        assertEquals(Map.of(), kinds(api.get(admin, PATH).json()), "administrators receive nothing");

        Response changed = put(hb, Map.of("optOuts", List.of("OBLIGATION_DUE", "WEEKLY_DIGEST", "OBLIGATION_DUE"),
                "language", "en", "currentPassword", TestApi.PASSWORD));
        assertEquals(200, changed.status(), changed.body());
        assertEquals("en", changed.json().get("language").asText());
        assertEquals(false, kinds(changed.json()).get("OBLIGATION_DUE"));
        assertEquals(false, kinds(changed.json()).get("WEEKLY_DIGEST"));
        assertEquals(true, kinds(api.get(hb, PATH).json()).get("OBLIGATION_OVERDUE"));

        assertEquals(200, put(hb, Map.of("optOuts", List.of("WEEKLY_DIGEST"))).status());
        assertEquals(true, kinds(api.get(hb, PATH).json()).get("OBLIGATION_DUE"), "the list is the whole set");
        assertEquals(200, put(hb, Map.of("language", "en")).status(), "unchanged: no event");

        JsonNode history = history(hb);
        assertEquals(2, history.size(), history.toString());
        assertEquals("USER_CHANGED", history.get(0).get("action").asText());
        assertEquals(hb.username(), history.get(0).get("actor").asText());
        assertEquals(Map.of("language", "de→en", NotificationPreferences.OPT_OUT_FIELD, "null→OBLIGATION_DUE,WEEKLY_DIGEST"),
                changes(history.get(0)));
        assertEquals(Map.of(NotificationPreferences.OPT_OUT_FIELD, "OBLIGATION_DUE,WEEKLY_DIGEST→WEEKLY_DIGEST"),
                changes(history.get(1)));
    }

    @Test
    void aNewAddressNeedsTheCurrentPasswordAsThePasswordChangeDoes() {
        String address = hb.username() + "@example.org";
        Response without = put(hb, Map.of("email", address));
        assertEquals(422, without.status(), without.body());
        assertEquals("currentPassword", without.json().get("errors").get(0).get("field").asText());
        assertEquals("password.wrongCurrent", without.json().get("errors").get(0).get("code").asText());

        Response wrong = put(hb, Map.of("email", address, "currentPassword", "geraten und falsch"));
        Response wrongPasswordChange = api.post(hb, "/api/me/password",
                Map.of("currentPassword", "geraten und falsch", "newPassword", "Ein ganz neues Passwort 7"));
        assertEquals(wrongPasswordChange.status(), wrong.status());
        assertEquals(wrongPasswordChange.json().get("errors"), wrong.json().get("errors"), "the same refusal");
        assertTrue(api.get(hb, PATH).json().get("email").isNull(), "nothing changed");
        assertTrue(history(hb).isEmpty(), history(hb).toString());

        Response right = put(hb, Map.of("email", address, "currentPassword", TestApi.PASSWORD, "optOuts", List.of()));
        assertEquals(200, right.status(), right.body());
        assertEquals(address, right.json().get("email").asText());
        assertEquals(address, api.get(admin, "/api/users/" + hb.username()).json().get("email").asText());
        assertEquals(200, api.get(hb, "/api/applications").status(), "the session goes on");
        assertEquals(200, put(hb, Map.of("email", " " + address + " ", "language", "en")).status(),
                "the same address again needs no password");

        Response removed = put(hb, Map.of("email", ""));
        assertEquals(422, removed.status(), "removing the address silences the mail: the password too");
        for (String invalid : List.of("kein-at-zeichen", "Name<b@evil.org>", "a<b@evil.org>.example.org",
                "(c)b@example.org", "a,b@example.org", "\"q\"@example.org", "o.brien@müller-it.example.org",
                "jürgen@example.org")) {
            Response refused = put(hb, Map.of("email", invalid, "currentPassword", TestApi.PASSWORD));
            assertEquals(422, refused.status(), invalid + " → " + refused);
            assertEquals("email", refused.json().get("errors").get(0).get("field").asText());
        }
        assertEquals(200, put(hb, Map.of("email", "o'brien+register@xn--mller-it-r6a.example.org",
                "currentPassword", TestApi.PASSWORD)).status(), "what a plain address may hold");
        assertEquals(200, put(hb, Map.of("email", address, "currentPassword", TestApi.PASSWORD)).status());

        JsonNode history = history(hb);
        assertEquals(4, history.size(), history.toString());
        assertEquals(Map.of("email", "null→" + address), changes(history.get(0)));
        assertEquals(Map.of("language", "de→en"), changes(history.get(1)));
        assertEquals(Map.of("email", address + "→o'brien+register@xn--mller-it-r6a.example.org"), changes(history.get(2)));
    }

    /** Opting out of every kind silences the mail as removing the address does: a stolen session must not do either. */
    @Test
    void optingOutNeedsTheCurrentPasswordAsRemovingTheAddressDoesOptingInNone() {
        List<String> every = NotificationKind.of(Role.STATE).stream().map(Enum::name).toList();
        Response stolen = put(hb, Map.of("optOuts", every));
        assertEquals(422, stolen.status(), stolen.body());
        assertEquals("currentPassword", stolen.json().get("errors").get(0).get("field").asText());
        assertEquals("password.wrongCurrent", stolen.json().get("errors").get(0).get("code").asText());
        assertFalse(kinds(api.get(hb, PATH).json()).containsValue(false), "nothing changed");
        assertTrue(history(hb).isEmpty(), history(hb).toString());

        assertEquals(200, put(hb, Map.of("optOuts", every, "currentPassword", TestApi.PASSWORD)).status());
        assertFalse(kinds(api.get(hb, PATH).json()).containsValue(true));
        assertEquals(200, put(hb, Map.of("optOuts", every)).status(), "the same opt-outs again need no password");
        assertEquals(200, put(hb, Map.of("optOuts", List.of())).status(), "receiving again needs none");
        assertFalse(kinds(api.get(hb, PATH).json()).containsValue(false));
    }

    @Test
    void guessingThePasswordThroughTheAddressChangeMeetsTheLoginThrottle() {
        String address = hb.username() + "@example.org";
        for (int i = 0; i < 5; i++) {
            assertEquals(422, put(hb, Map.of("email", address, "currentPassword", "Versuch " + i)).status());
        }
        Response throttled = put(hb, Map.of("email", address, "currentPassword", TestApi.PASSWORD));
        assertEquals(429, throttled.status(), throttled.body());
        assertTrue(api.get(hb, PATH).json().get("email").isNull());
    }

    @Test
    void anUnknownKindOrOneOfAnotherRoleIsRefusedNamingItsPlace() {
        Response unknown = put(hb, Map.of("optOuts", List.of("WEEKLY_DIGEST", "SPAM"), "language", "en"));
        assertEquals(422, unknown.status(), unknown.body());
        assertEquals("optOuts[1]", unknown.json().get("errors").get(0).get("field").asText());
        assertEquals("value.oneOf", unknown.json().get("errors").get(0).get("code").asText());
        assertEquals(422, put(hb, Map.of("optOuts", List.of("AMENDMENT_PROPOSED"))).status(), "a FITKO kind");
        assertEquals(422, put(admin, Map.of("optOuts", List.of("WEEKLY_DIGEST"))).status());
        Response language = put(hb, Map.of("language", "fr"));
        assertEquals(422, language.status());
        assertEquals("language", language.json().get("errors").get(0).get("field").asText());
        assertEquals("de", api.get(hb, PATH).json().get("language").asText(), "a refused change changes nothing");
        assertTrue(history(hb).isEmpty());
    }

    @Test
    void everyoneReachesTheirOwnSettingsOnly() {
        Account other = api.account(Role.STATE, StateCode.HB);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", other.username());
        body.put("optOuts", List.of("WEEKLY_DIGEST"));
        body.put("currentPassword", TestApi.PASSWORD);
        Response named = put(hb, body);
        assertEquals(200, named.status(), named.body());
        assertEquals(false, kinds(named.json()).get("WEEKLY_DIGEST"), "a username in the body is no address: the caller's own changed");
        assertEquals(true, kinds(api.get(other, PATH).json()).get("WEEKLY_DIGEST"));
        assertEquals(0, history(other).size());
        assertEquals(404, api.get(hb, PATH + "/" + other.username()).status());
        assertEquals(401, api.send("GET", PATH, null, null, Map.of()).status());
        assertEquals(401, api.send("PUT", PATH, null, Map.of("optOuts", List.of()), Map.of()).status());
    }

    private Response put(Account account, Map<String, Object> body) {
        return api.put(account, PATH, body, Map.of());
    }

    private JsonNode history(Account account) {
        return api.get(admin, "/api/users/" + account.username() + "/history").json();
    }

    private static Map<String, Boolean> kinds(JsonNode settings) {
        Map<String, Boolean> kinds = new LinkedHashMap<>();
        settings.get("kinds").forEach(kind -> kinds.put(kind.get("kind").asText(), kind.get("enabled").asBoolean()));
        return kinds;
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
}
