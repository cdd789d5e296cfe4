package de.foerderregister.web;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import de.foerderregister.web.WebSession.Page;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behind a TLS-terminating proxy that the configuration trusts (here: the test itself, on
 * loopback): HSTS, Secure {@code __Host-} cookies, and the proxy's scheme in the own origin.
 */
@MicronautTest(transactional = false)
@Property(name = "registry.trusted-proxies", value = "127.0.0.0/8,::1/128")
class ProxiedHttpsTest {

    @Inject
    TestApi api;

    @Inject
    EmbeddedServer server;

    WebSession viaProxy() {
        WebSession session = new WebSession(server.getURL().toString());
        session.headers.put("X-Forwarded-For", "203.0.113.9");
        session.headers.put("X-Forwarded-Proto", "https");
        return session;
    }

    @Test
    void overHttpsTheCookiesAreHostPrefixedSecureAndHstsIsSent() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        WebSession session = viaProxy();
        Page form = session.get("/ui/login");
        assertEquals("max-age=31536000", form.headers().firstValue("Strict-Transport-Security").orElse(null));
        String preSession = cookie(form.setCookies(), UiSession.HOST_PREFIX + UiSession.PRE_SESSION_COOKIE);
        assertHostCookie(preSession);

        Page login = session.post("/ui/login", Map.of("username", nw.username(), "password", TestApi.PASSWORD));
        assertEquals(303, login.status(), login.body());
        String sessionCookie = cookie(login.setCookies(), UiSession.HOST_PREFIX + UiSession.COOKIE);
        assertHostCookie(sessionCookie);
        assertTrue(login.setCookies().stream().noneMatch(c -> c.startsWith(UiSession.COOKIE + "=")), "no unprefixed session cookie");
        assertEquals(200, session.get("/ui/applications").status());

        // over HTTPS an unprefixed session cookie, as a sibling host or a plain HTTP page could plant it, is no session
        WebSession planted = viaProxy();
        planted.cookies.put(UiSession.COOKIE, session.cookies.get(UiSession.HOST_PREFIX + UiSession.COOKIE));
        assertEquals("/ui/login", planted.get("/ui/applications").location());

        // the own origin is https now: a form posted from the plain-HTTP origin is foreign
        session.headers.put("Origin", server.getURL().toString());
        session.get("/ui/applications/new");
        assertEquals(403, session.post(ApplicationPages.PATH, Map.of("title", api.unique("Herkunft"))).status());
        session.headers.put("Origin", server.getURL().toString().replace("http://", "https://"));
        Page logout = session.post("/ui/logout", Map.of());
        assertEquals(303, logout.status(), logout.body());
        assertTrue(logout.setCookies().stream().anyMatch(c -> c.startsWith(UiSession.HOST_PREFIX + UiSession.COOKIE + "=;")
                || c.startsWith(UiSession.HOST_PREFIX + UiSession.COOKIE + "=\"\"")
                || (c.startsWith(UiSession.HOST_PREFIX + UiSession.COOKIE + "=") && c.contains("Max-Age=0"))), logout.setCookies().toString());
    }

    @Test
    void plainHttpThroughTheSameProxyKeepsTheDevelopmentNames() {
        WebSession session = new WebSession(server.getURL().toString());
        session.headers.put("X-Forwarded-Proto", "http");
        Page form = session.get("/ui/login");
        assertNull(form.headers().firstValue("Strict-Transport-Security").orElse(null));
        String preSession = cookie(form.setCookies(), UiSession.PRE_SESSION_COOKIE);
        assertFalse(preSession.toLowerCase().contains("secure"), preSession);
    }

    private static String cookie(List<String> setCookies, String name) {
        return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not set: " + setCookies));
    }

    /** What a browser demands of a __Host- cookie: Secure, Path=/, no Domain; and HttpOnly for ours. */
    private static void assertHostCookie(String header) {
        String lower = header.toLowerCase();
        assertTrue(lower.contains("; secure"), header);
        assertTrue(lower.contains("path=/"), header);
        assertFalse(lower.contains("domain="), header);
        assertTrue(lower.contains("httponly"), header);
    }
}
