package de.foerderregister.web;

import de.foerderregister.problem.Forbidden;
import de.foerderregister.system.TrustedProxies;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What every form of the pages is checked against, and the cookies besides the session: the CSRF
 * token (see {@link CsrfTokens}: bound to the session, or before login to a pre-session id whose
 * cookie this filter hands out), where the request came from, and the chosen language
 * ({@code ?lang=en} on any page, kept for later pages). Runs before security, so that a refusal
 * page has its token too.
 *
 * <p>A form counts only from the registry's own pages: an {@code Origin} header, where the browser
 * sends one, must be this site's origin, and {@code Sec-Fetch-Site}, where sent, {@code same-origin}
 * (or {@code none}: the user's own doing). That is a second wall beside the token, and the only one
 * for a login form that another site posts with a pre-session pair it fetched for itself.
 */
@Filter("/ui/**")
@Singleton
public class UiCookies implements HttpServerFilter {

    static final String CSRF_FIELD = "_csrf";
    static final String LANG_COOKIE = "FR_LANG";
    private static final String EXPECTED_TOKEN = "ui.csrf.expected";
    private static final String FOREIGN = "ui.csrf.foreign";
    private static final Set<String> OWN_FETCH_SITES = Set.of("same-origin", "none");

    private final UiSession session;
    private final CsrfTokens tokens;
    private final TrustedProxies proxies;

    public UiCookies(UiSession session, CsrfTokens tokens, TrustedProxies proxies) {
        this.session = session;
        this.tokens = tokens;
        this.proxies = proxies;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SESSION.order();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<String> sessionToken = session.sessionToken(request);
        Optional<String> preSession = session.preSessionId(request);
        String newPreSession = sessionToken.isEmpty() && preSession.isEmpty() ? UiSession.newPreSessionId() : null;
        // a session cookie, valid or expired, decides; a page and its post see the same cookie
        request.setAttribute(EXPECTED_TOKEN, sessionToken.map(tokens::forSession)
                .orElseGet(() -> tokens.forPreSession(preSession.orElse(newPreSession))));
        if (!isOwn(request)) {
            request.setAttribute(FOREIGN, true);
        }
        Optional<String> lang = UiLanguage.fromQuery(request);
        return Publishers.map(chain.proceed(request), response -> {
            boolean rotated = response.getCookie(session.name(request, UiSession.PRE_SESSION_COOKIE)).isPresent();
            if (newPreSession != null && !rotated) {
                response.cookie(session.newPreSession(request, newPreSession));
            }
            lang.ifPresent(language -> response.cookie(session.flags(request, Cookie.of(LANG_COOKIE, language))
                    .maxAge(Duration.ofDays(365))));
            return response;
        });
    }

    /** The token the forms of this response carry. */
    static String csrfToken(HttpRequest<?> request) {
        return request.getAttribute(EXPECTED_TOKEN, String.class).orElseThrow();
    }

    /** Refuses (403) a form from another site, or whose hidden token is not the one of this browser's session. */
    static void verify(HttpRequest<?> request, @Nullable String submitted) {
        if (request.getAttribute(FOREIGN, Boolean.class).orElse(false)) {
            throw new Forbidden("The form was sent from another site.");
        }
        if (!CsrfTokens.matches(csrfToken(request), submitted)) {
            throw new Forbidden("The form's CSRF token is missing or does not belong to this session.");
        }
    }

    private boolean isOwn(HttpRequest<?> request) {
        String fetchSite = request.getHeaders().get("Sec-Fetch-Site");
        if (fetchSite != null && !OWN_FETCH_SITES.contains(fetchSite.strip().toLowerCase(Locale.ROOT))) {
            return false;
        }
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        return origin == null || TrustedProxies.normalise(origin).equals(proxies.ownOrigin(request));
    }
}
