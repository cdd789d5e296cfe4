package de.foerderregister.web;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import de.foerderregister.web.WebSession.Page;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page of one's own notifications: linked from every page, the API's rules, errors at the fields, both languages. */
@MicronautTest(transactional = false)
class NotificationPagesTest {

    private static final String PAGE = "/ui/me/notifications";

    @Inject
    TestApi api;

    @Inject
    EmbeddedServer server;

    WebSession loggedIn(Account account) {
        WebSession session = new WebSession(server.getURL().toString());
        assertEquals(303, session.login(account.username(), TestApi.PASSWORD).status());
        return session;
    }

    @Test
    void everySignedInRoleFindsThePageInTheHeader() {
        Map<Role, String> landing = Map.of(Role.STATE, "/ui/applications", Role.FITKO, "/ui/queue",
                Role.FINANCE, "/ui/payments/released", Role.ADMIN, "/ui/admin/users");
        landing.forEach((role, page) -> {
            WebSession browser = loggedIn(api.account(role, role == Role.STATE ? StateCode.SL : null));
            Page shown = browser.get(page);
            assertEquals(200, shown.status(), role + " " + page);
            assertTrue(shown.body().contains("<a href=\"" + PAGE + "\">Benachrichtigungen</a>"), role + ": " + shown.body());
        });
        Page admin = loggedIn(api.account(Role.ADMIN, null)).get(PAGE);
        assertEquals(200, admin.status());
        assertTrue(admin.body().contains("Ihre Rolle erhält keine Nachrichten."), admin.body());
        assertEquals(303, new WebSession(server.getURL().toString()).get(PAGE).status(), "to the login");
    }

    @Test
    void aUserUnticksAKindAndChangesTheAddressWithTheirPassword() {
        Account sl = api.account(Role.STATE, StateCode.SL);
        WebSession browser = loggedIn(sl);
        Page shown = browser.get(PAGE);
        assertEquals(200, shown.status());
        assertTrue(shown.body().contains("<h1>Benachrichtigungen</h1>"), shown.body());
        assertTrue(shown.body().contains("Ein Nachweis meines Landes ist überfällig"));
        assertFalse(shown.body().contains("Ein Antrag wurde eingereicht"), "FITKO's kind is not offered to a state");

        String address = sl.username() + "@example.org";
        Map<String, String> form = form(address, "en", List.of("APPLICATION_DECIDED", "OBLIGATION_OVERDUE"));
        Page refused = browser.post(PAGE, form);
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.body().contains("id=\"currentPassword-error\""), refused.body());
        assertTrue(refused.body().contains("href=\"#currentPassword\""), "the summary leads to the field");
        assertTrue(refused.body().contains("value=\"" + address + "\""), "what was typed stays");
        assertTrue(api.get(sl, "/api/me/notifications").json().get("email").isNull(), "nothing saved");

        form.put("currentPassword", TestApi.PASSWORD);
        Page saved = browser.post(PAGE, form);
        assertEquals(303, saved.status(), saved.body());
        assertTrue(browser.get(saved.location()).body().contains("Ihre Einstellungen sind gespeichert."));
        JsonNode settings = api.get(sl, "/api/me/notifications").json();
        assertEquals(address, settings.get("email").asText());
        assertEquals("en", settings.get("language").asText());
        Map<String, Boolean> kinds = new LinkedHashMap<>();
        settings.get("kinds").forEach(kind -> kinds.put(kind.get("kind").asText(), kind.get("enabled").asBoolean()));
        assertEquals(Map.of("APPLICATION_DECIDED", true, "PAYMENT_RELEASED", false, "PAYMENT_PAID", false,
                "PAYMENT_REJECTED", false, "OBLIGATION_DUE", false, "OBLIGATION_OVERDUE", true, "WEEKLY_DIGEST", false), kinds);
        Page again = browser.get(PAGE);
        assertTrue(again.body().contains("id=\"kind_OBLIGATION_OVERDUE\" value=\"on\" checked"), again.body());
        assertFalse(again.body().contains("id=\"kind_OBLIGATION_DUE\" value=\"on\" checked"));
    }

    @Test
    void errorsShowAtTheirFieldsInEnglishTooAndThePasswordIsNeverShownBack() {
        Account fitko = api.account(Role.FITKO, null);
        WebSession browser = loggedIn(fitko);
        Page english = browser.get(PAGE + "?lang=en");
        assertTrue(english.body().contains("<h1>Notifications</h1>"), english.body());
        assertTrue(english.body().contains("An amendment awaits confirmation by a second person"));

        Map<String, String> form = form("kein-at-zeichen", "fr", List.of());
        form.put("currentPassword", "geheim und falsch");
        Page refused = browser.post(PAGE, form);
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.body().contains("must be an e-mail address such as name@example.org"), refused.body());
        assertTrue(refused.body().contains("id=\"language-error\""), refused.body());
        assertFalse(refused.body().contains("geheim und falsch"), "the password is not shown back");

        browser.csrf = null;
        assertEquals(403, browser.post(PAGE, Map.of("_csrf", "forged", "email", "fremd@example.org")).status());
        assertTrue(api.get(fitko, "/api/me/notifications").json().get("email").isNull());
    }

    private static Map<String, String> form(String email, String language, List<String> ticked) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("language", language);
        ticked.forEach(kind -> form.put("kind_" + kind, "on"));
        return form;
    }
}
