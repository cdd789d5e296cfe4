package de.foerderregister.web;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import de.foerderregister.web.WebSession.Page;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The administrators' accounts page: list, change, reset; the API's rules, CSRF, and nobody else. */
@MicronautTest(transactional = false)
class UserPagesTest {

    private static final String PAGE = "/ui/admin/users";

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
    void anAdministratorLandsOnTheAccountsAndChangesOne() {
        Account admin = api.account(Role.ADMIN, null);
        Account nw = api.account(Role.STATE, StateCode.NW);
        WebSession browser = loggedIn(admin);

        assertEquals(PAGE, browser.get("/ui").location());
        Page list = browser.get(PAGE);
        assertEquals(200, list.status());
        assertTrue(list.body().contains("<h1>Konten</h1>"), list.body());
        assertTrue(list.body().contains(nw.username()));
        assertFalse(list.body().contains("$2"), "no hash on the page");

        Page saved = browser.post(PAGE + "/" + nw.username(), Map.of("role", "FITKO", "state", "", "email", "referat@example.org"));
        assertEquals(303, saved.status(), saved.body());
        assertTrue(browser.get(saved.location()).body().contains("Das Konto " + nw.username() + " ist gespeichert."));
        assertEquals("FITKO", api.get(admin, "/api/users/" + nw.username()).json().get("role").asText());
        assertFalse(api.get(admin, "/api/users/" + nw.username()).json().get("enabled").asBoolean(),
                "an unticked box disables");
        assertEquals(401, api.get(nw, "/api/applications").status(), "the changed account's session ended");
        assertEquals("USER_CHANGED", api.get(admin, "/api/users/" + nw.username() + "/history").json().get(0).get("action").asText());
    }

    @Test
    void aWeakPasswordIsRefusedInGermanAndAGoodOneEndsTheSessions() {
        Account admin = api.account(Role.ADMIN, null);
        Account fitko = api.account(Role.FITKO, null);
        WebSession browser = loggedIn(admin);
        browser.get(PAGE);

        Page weak = browser.post(PAGE + "/" + fitko.username() + "/password", Map.of("newPassword", "123456789012"));
        assertEquals(422, weak.status());
        assertTrue(weak.body().contains("ist ein häufig verwendetes Passwort"), weak.body());
        assertFalse(weak.body().contains("123456789012"), "the password is not shown back");
        assertEquals(200, api.get(fitko, "/api/applications").status());

        Page reset = browser.post(PAGE + "/" + fitko.username() + "/password", Map.of("newPassword", "Neu gesetzt über die Seite"));
        assertEquals(303, reset.status(), reset.body());
        assertEquals(401, api.get(fitko, "/api/applications").status());
        assertEquals(200, api.login(fitko.username(), "Neu gesetzt über die Seite").status());
    }

    @Test
    void othersCannotSeeThePageAndFormsNeedTheCsrfToken() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        Account fitko = api.account(Role.FITKO, null);
        WebSession state = loggedIn(nw);
        assertEquals(403, state.get(PAGE).status());
        assertEquals(403, state.post(PAGE + "/" + nw.username(), Map.of("role", "ADMIN")).status());
        assertEquals("STATE", api.login(nw.username(), TestApi.PASSWORD).json().get("roles").get(0).asText());

        WebSession admin = loggedIn(api.account(Role.ADMIN, null));
        admin.get(PAGE);
        admin.csrf = null;
        assertEquals(403, admin.post(PAGE + "/" + fitko.username(), Map.of("_csrf", "", "role", "ADMIN", "enabled", "true")).status());
        assertEquals(403, admin.post(PAGE + "/" + fitko.username() + "/password",
                Map.of("_csrf", "forged", "newPassword", "Von fremder Seite gesetzt")).status());
        assertEquals(200, api.get(fitko, "/api/applications").status(), "nothing changed");
    }
}
