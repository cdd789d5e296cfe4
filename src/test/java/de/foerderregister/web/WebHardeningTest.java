package de.foerderregister.web;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.document.Multipart;
import de.foerderregister.document.SampleFiles;
import de.foerderregister.security.Role;
import de.foerderregister.web.WebSession.Page;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attacks of issue 12 against the pages over plain HTTP, as another site or a neighbour on the
 * network would try them: a tossed CSRF cookie with a matching field, another session's token,
 * a post from another origin, framing and sniffing, forged forwarding headers.
 */
@MicronautTest(transactional = false)
class WebHardeningTest {

    /** The CSP of every page: nothing inline, nothing from elsewhere, no framing, forms only to this site. */
    static final List<String> STRICT_POLICY = List.of("default-src 'self'", "script-src 'self'", "style-src 'self'",
            "frame-ancestors 'none'", "form-action 'self'", "base-uri 'none'", "object-src 'none'");

    @Inject
    TestApi api;

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    WebSession browser() {
        return new WebSession(server.getURL().toString());
    }

    WebSession loggedIn(Account account) {
        WebSession session = browser();
        Page start = session.login(account.username(), TestApi.PASSWORD);
        assertEquals(303, start.status(), start.body());
        session.get("/ui/applications");
        return session;
    }

    @Test
    void pagesRedirectsErrorsAndApiAnswersCarryTheProtectiveHeaders() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        WebSession session = loggedIn(nw);
        List<Page> pages = List.of(browser().get("/ui/login"), browser().get("/ui/applications"),
                session.get("/ui/applications"), session.get("/ui/applications/999999999"), session.get("/ui/batch"));
        assertEquals(List.of(200, 303, 200, 404, 403), pages.stream().map(Page::status).toList());
        for (Page page : pages) {
            assertStrictPolicy(page.headers());
            assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(null), page.toString());
            assertNull(page.headers().firstValue("Strict-Transport-Security").orElse(null), "no HSTS over plain HTTP");
        }
        Response data = api.get(nw, "/api/applications");
        Response refused = api.send("GET", "/api/applications", null, null, Map.of());
        for (Response answer : List.of(data, refused)) {
            assertStrictPolicy(answer.headers());
            assertEquals("no-store", answer.header("Cache-Control"), answer.toString());
        }
        Response css = api.send("GET", "/ui/assets/ui.css", null, null, Map.of());
        assertEquals(200, css.status());
        assertEquals("nosniff", css.header("X-Content-Type-Options"));
        assertTrue(css.contentType().startsWith("text/css"), css.contentType());
    }

    @Test
    void onlySwaggerUiGetsItsLooserPolicy() {
        Response swagger = api.send("GET", "/swagger-ui/index.html", null, null, Map.of());
        assertEquals(200, swagger.status());
        String policy = swagger.header("Content-Security-Policy");
        assertTrue(policy.contains("script-src 'self' 'unsafe-inline'"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'") && !policy.contains("http"), policy);
        assertEquals("DENY", swagger.header("X-Frame-Options"));
        // a path that only starts like it does not get the looser policy
        assertStrictPolicy(api.send("GET", "/swagger-uix", null, null, Map.of()).headers());
        assertStrictPolicy(api.send("GET", "/ui/login?x=/swagger-ui/", null, null, Map.of()).headers());
    }

    @Test
    void theTemplatesHaveNoInlineScriptOrStyle() throws IOException {
        URL views = getClass().getClassLoader().getResource("views");
        assertNotNull(views);
        Pattern inline = Pattern.compile("<script|<style|\\sstyle=|\\son[a-z]+=|javascript:", Pattern.CASE_INSENSITIVE);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(views.getPath()))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (inline.matcher(Files.readString(file)).find()) {
                    found.add(file.getFileName().toString());
                }
            }
        }
        assertEquals(List.of(), found, "inline script or style would be blocked by the CSP");
    }

    @Test
    void aTossedCsrfCookieWithAMatchingFieldIsRefusedOnEveryForm() {
        Account fitko = api.account(Role.FITKO, null);
        long id = api.submitted(StateCode.NW);
        String title = api.unique("Geworfenes-Cookie");
        List<String> forms = formRoutes();
        assertTrue(forms.size() >= 11, "the walk found the forms: " + forms);

        WebSession anonymousVictim = browser();
        anonymousVictim.get("/ui/login");
        // signed in, every form (FITKO's and ADMIN's, so that a role check cannot hide a missing token
        // check); not signed in, the forms open to anyone (the others send the browser to the login)
        Map<WebSession, List<String>> attacks = Map.of(loggedIn(fitko), forms, loggedIn(api.account(Role.ADMIN, null)), forms,
                anonymousVictim, List.of("/ui/login", "/ui/logout"));
        for (Map.Entry<WebSession, List<String>> attack : attacks.entrySet()) {
            WebSession session = attack.getKey();
            // what an attacker on a sibling host can plant: a cookie of a value they chose, and the same in the form
            session.cookies.put(UiSession.PRE_SESSION_COOKIE, "attacker");
            for (String template : attack.getValue()) {
                session.csrf = "attacker"; // each refusal page brings the real token along
                String path = template.replace("{id}", String.valueOf(id)).replaceAll("\\{[^}]+}", "1");
                Map<String, String> fields = new LinkedHashMap<>(Map.of("title", title, "username", fitko.username(),
                        "password", TestApi.PASSWORD, "outcome", "REJECTED", "body", "Abteilungsleiterrunde",
                        "meetingDate", "19.01.2021", "agendaItem", "TOP 08", "kind", "RESOLUTION"));
                Page refused = multipartForms().contains(template) ? session.postMultipart(path, multipart(session.csrf, fields))
                        : session.post(path, fields);
                assertEquals(403, refused.status(), template + " took the tossed pair: " + refused.body());
                assertTrue(refused.setCookies().stream().noneMatch(cookie -> cookie.startsWith(UiSession.COOKIE + "=ey")),
                        template + " signed in");
            }
        }
        assertEquals("SUBMITTED", api.get(fitko, "/api/applications/" + id).json().get("status").asText(), "nothing decided");
        assertEquals(0, api.get(fitko, "/api/applications?q=" + title).json().get("totalSize").asInt(), "nothing created");
    }

    @Test
    void aTokenOfOneSessionIsRefusedInAnother() {
        WebSession alice = loggedIn(api.account(Role.STATE, StateCode.NW));
        WebSession mallory = loggedIn(api.account(Role.STATE, StateCode.NW));
        assertNotEquals(alice.csrf, mallory.csrf);
        String title = api.unique("Fremdes Token");
        Map<String, String> form = application(title);

        // mallory's token, which mallory can read from her own pages, in alice's browser
        alice.csrf = mallory.csrf;
        assertEquals(403, alice.post(ApplicationPages.PATH, form).status());
        // and mallory's pre-session pair does not fit alice's session either
        WebSession anonymous = browser();
        anonymous.get("/ui/login");
        alice.cookies.put(UiSession.PRE_SESSION_COOKIE, anonymous.cookies.get(UiSession.PRE_SESSION_COOKIE));
        alice.csrf = anonymous.csrf;
        assertEquals(403, alice.post(ApplicationPages.PATH, form).status());

        alice.get("/ui/applications/new");
        assertEquals(303, alice.post(ApplicationPages.PATH, form).status(), "with her own token it works");
    }

    @Test
    void aPostFromAnotherOriginIsRefused() {
        WebSession session = loggedIn(api.account(Role.STATE, StateCode.NW));
        String own = server.getURL().toString();
        for (Map<String, String> crossSite : List.of(
                Map.of("Origin", "https://evil.example"),
                Map.of("Origin", "null"),
                Map.of("Origin", own.replace("http://", "https://")),
                Map.of("Sec-Fetch-Site", "cross-site"),
                Map.of("Sec-Fetch-Site", "same-site"),
                Map.of("Origin", own, "Sec-Fetch-Site", "cross-site"))) {
            session.headers.clear();
            session.headers.putAll(crossSite);
            Page refused = session.post(ApplicationPages.PATH, application(api.unique("Fremde Seite")));
            assertEquals(403, refused.status(), crossSite + ": " + refused.body());
            String origin = crossSite.getOrDefault("Origin", own);
            if (origin.contains("://localhost")) {
                assertTrue(refused.body().contains("Keine Berechtigung"), crossSite + ": " + refused.body());
            } // else Micronaut's own guard against drive-by-localhost attacks answers first, with an empty 403
            // the login form too: another site could sign a victim into the attacker's account
            WebSession login = browser();
            login.get("/ui/login");
            login.headers.putAll(crossSite);
            assertEquals(403, login.post("/ui/login", Map.of("username", "x", "password", "y")).status(), crossSite.toString());
        }
        session.headers.clear();
        session.headers.putAll(Map.of("Origin", own, "Sec-Fetch-Site", "same-origin"));
        assertEquals(303, session.post(ApplicationPages.PATH, application(api.unique("Eigene Seite"))).status());
        session.headers.put("Sec-Fetch-Site", "none");
        assertEquals(303, session.post(ApplicationPages.PATH, application(api.unique("Eigene Seite"))).status());
    }

    @Test
    void theCsrfTokenChangesAtLoginAndAtLogout() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        WebSession session = browser();
        session.get("/ui/login");
        String beforeLogin = session.csrf;
        String preSession = session.cookies.get(UiSession.PRE_SESSION_COOKIE);
        assertNotNull(preSession);
        assertNotEquals(preSession, beforeLogin, "the field is not the cookie's value");

        Page login = session.post("/ui/login", Map.of("username", nw.username(), "password", TestApi.PASSWORD));
        assertEquals(303, login.status());
        assertTrue(login.setCookies().stream().anyMatch(c -> c.startsWith(UiSession.PRE_SESSION_COOKIE + "=")
                && !c.startsWith(UiSession.PRE_SESSION_COOKIE + "=" + preSession)), "login sets a new pre-session id");
        session.get("/ui/applications");
        String signedIn = session.csrf;
        assertNotEquals(beforeLogin, signedIn);

        // a token captured before the login is worth nothing after it
        session.csrf = beforeLogin;
        assertEquals(403, session.post(ApplicationPages.PATH, application(api.unique("Altes Token"))).status());
        session.csrf = signedIn;
        Page logout = session.post("/ui/logout", Map.of());
        assertEquals(303, logout.status());
        session.get("/ui/login");
        assertNotEquals(signedIn, session.csrf);
        assertNotEquals(beforeLogin, session.csrf);
        assertFalse(session.cookies.containsKey(UiSession.COOKIE));
    }

    @Test
    void forgedForwardingHeadersFromAnUntrustedClientChangeNothing() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        WebSession session = browser();
        session.headers.putAll(Map.of("X-Forwarded-Proto", "https", "Forwarded", "for=10.0.0.1;proto=https",
                "X-Forwarded-Host", "evil.example"));
        Page form = session.get("/ui/login");
        assertNull(form.headers().firstValue("Strict-Transport-Security").orElse(null));
        Page login = session.login(nw.username(), TestApi.PASSWORD);
        assertEquals(303, login.status(), login.body());
        String cookie = login.setCookies().stream().filter(c -> c.startsWith(UiSession.COOKIE + "=")).findFirst().orElseThrow();
        assertFalse(cookie.toLowerCase().contains("secure"), cookie);
        // the own origin is still this server's, not the forged host's
        session.headers.put("Origin", "https://evil.example");
        session.get("/ui/applications/new");
        assertEquals(403, session.post(ApplicationPages.PATH, application(api.unique("Gefälschter Host"))).status());
    }

    /** Every state-changing route of the pages, from the router: a new form cannot be forgotten here. */
    /** The form routes that take files, posted as a browser posts a form with a file input. */
    private Set<String> multipartForms() {
        return router.uriRoutes().filter(route -> route.getConsumes().contains(MediaType.MULTIPART_FORM_DATA_TYPE))
                .map(route -> route.getUriMatchTemplate().toString())
                .filter(template -> template.startsWith("/ui/"))
                .collect(Collectors.toSet());
    }

    private static Multipart multipart(String csrf, Map<String, String> fields) {
        Multipart form = new Multipart().field("_csrf", csrf);
        fields.forEach(form::field);
        return form.field("subject", "APPLICATION").file("anlage.pdf", "application/pdf", SampleFiles.pdf());
    }

    private List<String> formRoutes() {
        TreeSet<String> forms = new TreeSet<>();
        router.uriRoutes().filter(route -> route.getHttpMethod() != HttpMethod.GET && route.getHttpMethod() != HttpMethod.HEAD)
                .map(route -> route.getUriMatchTemplate().toString())
                .filter(template -> template.startsWith("/ui/") || template.equals("/ui"))
                .forEach(forms::add);
        return List.copyOf(forms);
    }

    private static void assertStrictPolicy(java.net.http.HttpHeaders headers) {
        String policy = headers.firstValue("Content-Security-Policy").orElse("");
        for (String directive : STRICT_POLICY) {
            assertTrue(policy.contains(directive), directive + " missing in " + policy);
        }
        assertFalse(policy.contains("unsafe"), policy);
        assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(null));
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("same-origin", headers.firstValue("Referrer-Policy").orElse(null));
    }

    private static Map<String, String> application(String title) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", title);
        form.put("type", "REFERENCE_IMPLEMENTATION");
        form.put("fundingSource", "DIGITALISATION_BUDGET");
        form.put("startDate", "01.01.2021");
        form.put("endDate", "31.12.2022");
        form.put("requestedAmount", "1.011.500,00");
        return form;
    }
}
