package de.foerderregister.security;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deny by default: every route the server knows is asked without a token, and all but an explicit
 * list of public ones must answer 401. A new route that forgets its rule fails this test, whichever
 * controller it is in.
 */
@MicronautTest(transactional = false)
class RouteRulesTest {

    /**
     * The only routes anyone may call without a token, as "METHOD template". Adding a route here is
     * a decision that it is public; it needs a matching rule in the security configuration too.
     */
    static final Set<String> PUBLIC_ROUTES = Set.of(
            "POST /login",
            // only a redirect to /ui, which asks for a login (web/SiteRoot)
            "GET /",
            "HEAD /",
            "GET /health",
            "HEAD /health",
            "GET /health/{selector}",
            "HEAD /health/{selector}",
            // the web interface's login and logout; as every form of the pages they need the CSRF token
            "GET /ui/login",
            "HEAD /ui/login",
            "POST /ui/login",
            "POST /ui/logout");

    /** Public form routes of the pages: without the CSRF token of a page they answer 403, and nothing happens. */
    static final Set<String> PUBLIC_FORMS = Set.of("POST /ui/login", "POST /ui/logout");

    /** Path prefixes that are public as a whole (static documentation and operations). */
    static final List<String> PUBLIC_PREFIXES = List.of("/swagger/", "/swagger-ui/", "/ui/assets/");

    /** Routes this registry is known to have; guards the walk against silently finding nothing. */
    static final Set<String> KNOWN_PROTECTED = Set.of(
            "POST /api/applications",
            "GET /api/applications",
            "GET /api/applications/{id}",
            "PUT /api/applications/{id}",
            "POST /api/applications/{id}/submit",
            "POST /api/applications/{id}/withdraw",
            "GET /api/applications/{id}/history",
            "POST /api/users",
            "GET /api/users",
            "GET /ui/applications",
            "GET /ui/queue",
            "GET /ui/reports",
            "GET /ui/reports/budget-summary.{format}");

    private static final Pattern QUERY_VARIABLES = Pattern.compile("\\{[?&][^}]*}");
    private static final Pattern OPTIONAL_SEGMENT = Pattern.compile("\\{/[^}]*}");
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");

    @Inject
    Router router;

    @Inject
    TestApi api;

    @Test
    void everyRouteButThePublicOnesAnswers401WithoutAToken() {
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes().toList();
        Set<String> seen = new TreeSet<>();
        List<String> open = new ArrayList<>();

        for (UriRouteInfo<?, ?> route : routes) {
            String template = route.getUriMatchTemplate().toString();
            String method = route.getHttpMethodName();
            String key = method + " " + template;
            seen.add(key);
            String path = concrete(template);

            Response anonymous = api.send(method, path, null, body(route), contentType(route));

            if (PUBLIC_FORMS.contains(key)) {
                assertEquals(403, anonymous.status(), key + " must refuse a form without the CSRF token: " + anonymous);
            } else if (isPublic(key, path)) {
                assertTrue(anonymous.status() != 403, key + " is public but answered " + anonymous);
            } else if (!isClosed(path, anonymous)) {
                open.add(key + " (" + method + " " + path + ") → " + anonymous.status() + " " + abbreviate(anonymous.body()));
            }
        }

        assertTrue(open.isEmpty(), "routes reachable without a token that are not on the public list:\n  "
                + String.join("\n  ", open) + "\nall routes:\n  " + String.join("\n  ", seen));
        assertTrue(seen.containsAll(KNOWN_PROTECTED), "the walk missed routes; it saw:\n  " + String.join("\n  ", seen));
        Set<String> unused = PUBLIC_ROUTES.stream().filter(route -> !seen.contains(route)).collect(Collectors.toSet());
        assertEquals(Set.of(), unused, "public routes that no longer exist should leave the list");
    }

    @Test
    void protectedRoutesAlsoRefuseAGarbageToken() {
        for (UriRouteInfo<?, ?> route : router.uriRoutes().toList()) {
            String key = route.getHttpMethodName() + " " + route.getUriMatchTemplate();
            String path = concrete(route.getUriMatchTemplate().toString());
            if (isPublic(key, path)) {
                continue;
            }
            Response refused = api.send(route.getHttpMethodName(), path, "eyJhbGciOiJub25lIn0.e30.",
                    body(route), contentType(route));
            assertTrue(isClosed(path, refused), key + " → " + refused);
        }
    }

    @Test
    void unauthorizedAnswerCarriesNoDataAndAsksForBearer() {
        Response refused = api.send("GET", "/api/applications", null, null, Map.of());

        assertEquals(401, refused.status());
        assertFalse(refused.body().contains("\"content\""), refused.body());
        String challenge = refused.header("WWW-Authenticate");
        if (challenge != null) {
            assertTrue(challenge.startsWith("Bearer"), challenge);
        }
    }

    @Test
    void healthAnswersItsStatusWithoutATokenButPrometheusDoesNot() {
        Response health = api.send("GET", "/health", null, null, Map.of());
        assertEquals(200, health.status(), health.body());
        assertEquals("UP", health.json().get("status").asText());
        assertTrue(!health.json().has("details") || health.json().get("details").isNull(), health.body());

        Response prometheus = api.send("GET", "/prometheus", null, null, Map.of());
        assertEquals(401, prometheus.status(), prometheus.body());
        assertFalse(prometheus.body().contains("# TYPE"), prometheus.body());
    }

    @Test
    void healthShowsDetailsOnlyToAdmin() {
        for (Role role : new Role[]{Role.STATE, Role.FITKO, Role.FINANCE}) {
            Response health = api.get(api.account(role, role == Role.STATE ? StateCode.NW : null), "/health");
            assertEquals(200, health.status(), health.body());
            assertFalse(health.json().has("details") && !health.json().get("details").isNull(), role + ": " + health.body());
            assertFalse(health.body().contains("jdbc:"), role + ": " + health.body());
        }
        Response admin = api.get(api.account(Role.ADMIN, null), "/health");
        assertEquals(200, admin.status(), admin.body());
        assertTrue(admin.json().get("details").isObject(), admin.body());
    }

    @Test
    void swaggerDocumentationAnswersWithoutAToken() {
        Response ui = api.send("GET", "/swagger-ui/index.html", null, null, Map.of());
        assertEquals(200, ui.status(), ui.body());
        Matcher spec = Pattern.compile("swagger/[A-Za-z0-9._-]+\\.yml").matcher(ui.body());
        assertTrue(spec.find(), "swagger-ui names its spec");

        Response yaml = api.send("GET", "/" + spec.group(), null, null, Map.of());
        assertEquals(200, yaml.status(), yaml.body());
        assertTrue(yaml.body().contains("/api/applications"));
    }

    @Test
    void loginIsReachableWithoutAToken() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        assertEquals(200, api.send("POST", "/login", null,
                Map.of("username", nw.username(), "password", TestApi.PASSWORD), Map.of()).status());
    }

    @Test
    void unknownPathsDoNotLeakAndAreNotOpenedByPublicPrefixes() {
        // a path that only looks like a public one is still guarded or unknown
        assertTrue(Set.of(401, 404).contains(api.send("GET", "/api/applications/1/../../users", null, null, Map.of()).status()));
        assertTrue(Set.of(401, 404).contains(api.send("GET", "/health/../api/users", null, null, Map.of()).status()));
        assertTrue(Set.of(401, 404).contains(api.send("GET", "/swagger/../api/users", null, null, Map.of()).status()));
        assertTrue(Set.of(401, 404).contains(api.send("GET", "/prometheus/../api/applications", null, null, Map.of()).status()));
    }

    /**
     * Refused: 401 for the API; a page of the web interface sends the browser to its login page
     * instead (303 to /ui/login), without rendering anything.
     */
    private static boolean isClosed(String path, Response answer) {
        if (path.equals("/ui") || path.startsWith("/ui/")) {
            return answer.status() == 303 && "/ui/login".equals(answer.header("Location")) && answer.body().isEmpty();
        }
        return answer.status() == 401;
    }

    @Test
    void theSiteRootOnlyLeadsToTheWebInterface() {
        Response root = api.send("GET", "/", null, null, Map.of());
        assertEquals(303, root.status(), root.body());
        assertEquals("/ui", root.header("Location"));
        assertTrue(root.body().isEmpty(), root.body());
    }

    @Test
    void pagesOfTheWebInterfaceRedirectToLoginAndTheStyleSheetIsPublic() {
        Response page = api.send("GET", "/ui/applications", null, null, Map.of());
        assertEquals(303, page.status());
        assertEquals("/ui/login", page.header("Location"));
        assertEquals(200, api.send("GET", "/ui/login", null, null, Map.of()).status());
        Response css = api.send("GET", "/ui/assets/ui.css", null, null, Map.of());
        assertEquals(200, css.status());
        assertTrue(css.body().contains(":focus-visible"));
    }

    private static boolean isPublic(String key, String path) {
        return PUBLIC_ROUTES.contains(key) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    /** The template with every path variable set to 1 and query variables left out. */
    static String concrete(String template) {
        String path = QUERY_VARIABLES.matcher(template).replaceAll("");
        path = OPTIONAL_SEGMENT.matcher(path).replaceAll("/1");
        path = VARIABLE.matcher(path).replaceAll("1");
        return path.isEmpty() ? "/" : path;
    }

    private static boolean hasBody(UriRouteInfo<?, ?> route) {
        HttpMethod method = route.getHttpMethod();
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    /** A body the route accepts, so that no content check answers before security does. */
    private static Object body(UriRouteInfo<?, ?> route) {
        if (!hasBody(route)) {
            return null;
        }
        return contentType(route).get("Content-Type").equals(MediaType.APPLICATION_FORM_URLENCODED) ? "token=x" : "{}";
    }

    private static Map<String, String> contentType(UriRouteInfo<?, ?> route) {
        if (!hasBody(route)) {
            return Map.of();
        }
        List<MediaType> consumes = route.getConsumes();
        boolean json = consumes.isEmpty() || consumes.stream().anyMatch(type -> type.getSubtype().equals("json"));
        return Map.of("Content-Type", json ? MediaType.APPLICATION_JSON : consumes.get(0).toString());
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
