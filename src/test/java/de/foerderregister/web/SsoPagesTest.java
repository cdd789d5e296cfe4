package de.foerderregister.web;

import com.nimbusds.jwt.SignedJWT;
import de.foerderregister.TestApi;
import de.foerderregister.security.TestProviders;
import de.foerderregister.security.UsesTestProviders;
import de.foerderregister.web.WebSession.Page;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static de.foerderregister.security.TestProviders.FITKO;
import static de.foerderregister.security.TestProviders.FITKO_GROUP;
import static de.foerderregister.security.TestProviders.STATE_GROUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-in of the pages through an identity provider, over plain HTTP against a real OpenID Connect server: the
 * login page's button, the redirect with PKCE, the callback that opens the registry's own session (the same cookie
 * and token as a password login), the refusal pages, and the logout that ends the session here and continues to the
 * provider's end-session endpoint.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SsoPagesTest implements UsesTestProviders {

    final TestProviders providers = new TestProviders(false);
    final HttpClient provider = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    TestApi api;

    @Inject
    EmbeddedServer server;

    @Override
    public TestProviders providers() {
        return providers;
    }

    @Test
    void theLoginPageOffersOneButtonPerProvider() {
        Page login = new WebSession(server.getURL().toString()).get("/ui/login");
        assertTrue(login.body().contains("href=\"/ui/sso/login/fitko\""), login.body());
        assertTrue(login.body().contains("Mit Organisationskonto anmelden: FITKO"), login.body());
        assertTrue(login.body().contains("href=\"/ui/sso/login/nw\""), login.body());
        assertTrue(login.body().contains("Mit Organisationskonto anmelden: Ministerium NRW"), login.body());
        assertTrue(login.body().contains("name=\"password\""), "the local form stays");
    }

    @Test
    void aProviderSignInOpensTheRegistrysOwnSessionAndLogoutContinuesToTheProvider() throws Exception {
        WebSession browser = new WebSession(server.getURL().toString());
        String subject = api.unique("anna");
        providers.nextSignIn(FITKO, subject, List.of(FITKO_GROUP), Map.of("email", "anna@example.org"));

        Page landed = signIn(browser, FITKO);
        assertEquals(303, landed.status(), landed.body());
        assertEquals("/ui", landed.location());
        String session = browser.cookies.get(UiSession.COOKIE);
        assertNotNull(session, "the registry's session cookie");
        var claims = SignedJWT.parse(session).getJWTClaimsSet();
        assertEquals("foerderregister", claims.getIssuer(), "the registry's own token, not the provider's");
        assertEquals("fitko." + subject, claims.getSubject());
        assertEquals(List.of("FITKO"), claims.getClaim("roles"));
        assertEquals("/ui/queue", browser.get("/ui").location());
        assertEquals(200, browser.get("/ui/queue").status());
        assertEquals(200, api.send("GET", "/api/applications", session, null, Map.of()).status(),
                "the session's token works on the API, as a password login's does");

        Page logout = browser.post("/ui/logout", Map.of());
        assertEquals(303, logout.status());
        String endSession = providers.server.endSessionEndpointUrl(FITKO).toString();
        assertTrue(logout.location().startsWith(endSession + "?"), logout.location());
        String query = URLDecoder.decode(URI.create(logout.location()).getRawQuery(), StandardCharsets.UTF_8);
        assertTrue(query.contains("client_id=" + TestProviders.CLIENT_ID), query);
        assertTrue(query.contains("post_logout_redirect_uri=http://localhost:8080/ui/login?loggedOut=true"), query);
        assertTrue(logout.headers().allValues("Set-Cookie").stream()
                .anyMatch(cookie -> cookie.startsWith(UiSession.COOKIE + "=;") && cookie.contains("Max-Age=0")), "the cookie goes");

        // the session ended here, whatever the provider does: the kept cookie opens nothing
        browser.cookies.put(UiSession.COOKIE, session);
        assertEquals("/ui/login", browser.get("/ui/queue").location());
        assertEquals(401, api.send("GET", "/api/applications", session, null, Map.of()).status());
    }

    @Test
    void aProvidersTokenIsNoSessionOfThePages() {
        String token = providers.token(FITKO, api.unique("cookie"), List.of(FITKO_GROUP), Map.of());
        assertEquals(200, api.send("GET", "/api/applications", token, null, Map.of()).status(), "a bearer token of the API");
        WebSession browser = new WebSession(server.getURL().toString());
        browser.cookies.put(UiSession.COOKIE, token);
        assertEquals("/ui/login", browser.get("/ui/queue").location(), "but not a session cookie of the pages");
    }

    @Test
    void aStateUserSignsInWithTheStateTheProviderNames() throws Exception {
        WebSession browser = new WebSession(server.getURL().toString());
        providers.nextSignIn(FITKO, api.unique("land"), List.of(STATE_GROUP), Map.of("state", "ST"));
        assertEquals("/ui", signIn(browser, FITKO).location());
        var claims = SignedJWT.parse(browser.cookies.get(UiSession.COOKIE)).getJWTClaimsSet();
        assertEquals(List.of("STATE"), claims.getClaim("roles"));
        assertEquals("ST", claims.getClaim("state"));
    }

    @Test
    void anUnmappedUserIsRefusedWithAPageThatSaysWhy() throws Exception {
        WebSession browser = new WebSession(server.getURL().toString());
        providers.nextSignIn(FITKO, api.unique("fremd"), List.of("/andere/anwendung"), Map.of());
        Page refused = signIn(browser, FITKO);
        assertEquals(403, refused.status());
        assertTrue(refused.body().contains("Anmeldung nicht möglich"), refused.body());
        assertTrue(refused.body().contains("keiner Rolle im Förderregister zugeordnet"), refused.body());
        assertEquals(null, browser.cookies.get(UiSession.COOKIE), "no session");
        assertTrue(refused.body().contains("href=\"/ui/login?lang=en\""), "the language link leads to the login page: "
                + refused.body());
        assertTrue(!refused.body().contains("/ui/sso/callback/"), "no link sends the used code again");

        WebSession english = new WebSession(server.getURL().toString());
        english.get("/ui/login?lang=en");
        providers.nextSignIn(FITKO, api.unique("stateless"), List.of(STATE_GROUP), Map.of());
        Page noState = signIn(english, FITKO);
        assertEquals(403, noState.status());
        assertTrue(noState.body().contains("has the role state but names no state"), noState.body());
    }

    @Test
    void aCallbackThatIsNotTheAnswerToThisBrowsersRequestIsRefused() throws Exception {
        // nothing is queued at the provider: the code must never reach its token endpoint
        WebSession browser = new WebSession(server.getURL().toString());
        Page start = browser.get("/ui/sso/login/" + FITKO);
        HttpResponse<String> authorized = provider.send(HttpRequest.newBuilder(URI.create(start.location())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        URI callback = URI.create(authorized.headers().firstValue("Location").orElseThrow());
        // another browser, without this one's state cookie, brings the code back
        WebSession other = new WebSession(server.getURL().toString());
        Page refused = other.get(callback.getRawPath() + "?" + callback.getRawQuery());
        assertEquals(403, refused.status());
        assertTrue(refused.body().contains("fehlgeschlagen oder wurde abgebrochen"), refused.body());
    }

    /** The sign-in as a browser makes it: the button, the provider's redirect back with a code, the callback. */
    private Page signIn(WebSession browser, String providerName) throws Exception {
        browser.get("/ui/login");
        Page start = browser.get("/ui/sso/login/" + providerName);
        assertEquals(302, start.status(), start.body());
        URI authorize = URI.create(start.location());
        assertTrue(authorize.toString().startsWith(providers.server.authorizationEndpointUrl(providerName).toString()), authorize.toString());
        String query = URLDecoder.decode(authorize.getRawQuery(), StandardCharsets.UTF_8);
        assertTrue(query.contains("code_challenge_method=S256") && query.contains("code_challenge="), "PKCE: " + query);
        assertTrue(query.contains("state=") && query.contains("nonce="), query);
        HttpResponse<String> authorized = provider.send(HttpRequest.newBuilder(authorize).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, authorized.statusCode(), authorized.body());
        URI callback = URI.create(authorized.headers().firstValue("Location").orElseThrow());
        assertTrue(callback.getRawPath().equals("/ui/sso/callback/" + providerName), callback.toString());
        return browser.get(callback.getRawPath() + "?" + callback.getRawQuery());
    }
}
