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
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Logging out of the pages ends the session for good: a copy of the cookie kept by an attacker
 * (or a browser that ignores the deletion) no longer opens a page, nor the API as a bearer token.
 */
@MicronautTest(transactional = false)
class WebLogoutTest {

    @Inject
    TestApi api;

    @Inject
    EmbeddedServer server;

    @Test
    void aSessionCookieKeptAfterLogoutOpensNothing() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        WebSession browser = new WebSession(server.getURL().toString());
        assertEquals(303, browser.login(nw.username(), TestApi.PASSWORD).status());
        String cookie = browser.cookies.get("FR_SESSION");
        assertNotNull(cookie);
        assertEquals(200, browser.get("/ui/applications").status());
        // the session's token works as a bearer token too, until the logout
        assertEquals(200, api.send("GET", "/api/applications", cookie, null, Map.of()).status());

        assertEquals(303, browser.post("/ui/logout", Map.of()).status());

        browser.cookies.put("FR_SESSION", cookie);
        Page replayed = browser.get("/ui/applications");
        assertEquals(303, replayed.status());
        assertEquals("/ui/login", replayed.location());
        assertEquals(401, api.send("GET", "/api/applications", cookie, null, Map.of()).status());
        assertEquals(401, api.get(nw, "/api/applications").status(), "the account's API token ended with it");
    }

    @Test
    void theSessionCookieCarriesAnExpiry() throws Exception {
        Account nw = api.account(Role.STATE, StateCode.NW);
        WebSession browser = new WebSession(server.getURL().toString());
        browser.login(nw.username(), TestApi.PASSWORD);

        var claims = com.nimbusds.jwt.SignedJWT.parse(browser.cookies.get("FR_SESSION")).getJWTClaimsSet();

        assertNotNull(claims.getExpirationTime(), "a web session without exp would never end");
        assertEquals("foerderregister", claims.getIssuer());
    }
}
