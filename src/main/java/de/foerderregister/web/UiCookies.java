package de.foerderregister.web;

import de.foerderregister.problem.Forbidden;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The two cookies of the pages besides the session: the CSRF token (submitted twice: a random value
 * in an HttpOnly cookie that every form repeats in a hidden field, which another site can neither
 * read nor set) and the chosen language ({@code ?lang=en} on any page, kept for later pages).
 */
@Filter("/ui/**")
@Singleton
public class UiCookies implements HttpServerFilter {

    static final String CSRF_COOKIE = "FR_CSRF";
    static final String CSRF_FIELD = "_csrf";
    static final String LANG_COOKIE = "FR_LANG";
    private static final String NEW_TOKEN = "ui.csrf.new";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UiSession session;

    public UiCookies(UiSession session) {
        this.session = session;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (request.getCookies().findCookie(CSRF_COOKIE).isEmpty()) {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            request.setAttribute(NEW_TOKEN, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        }
        Optional<String> lang = UiLanguage.fromQuery(request);
        return Publishers.map(chain.proceed(request), response -> {
            request.getAttribute(NEW_TOKEN, String.class).ifPresent(token ->
                    response.cookie(session.flags(request, Cookie.of(CSRF_COOKIE, token)).sameSite(SameSite.Strict)));
            lang.ifPresent(language -> response.cookie(session.flags(request, Cookie.of(LANG_COOKIE, language))
                    .maxAge(Duration.ofDays(365))));
            return response;
        });
    }

    /** The token the forms of this response carry. */
    static String csrfToken(HttpRequest<?> request) {
        return request.getCookies().findCookie(CSRF_COOKIE).map(Cookie::getValue)
                .or(() -> request.getAttribute(NEW_TOKEN, String.class))
                .orElseThrow();
    }

    /** Refuses (403) a form whose hidden token does not match the cookie. */
    static void verify(HttpRequest<?> request, @Nullable String submitted) {
        String expected = request.getCookies().findCookie(CSRF_COOKIE).map(Cookie::getValue).orElse(null);
        if (expected == null || submitted == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8))) {
            throw new Forbidden("The form's CSRF token is missing or does not match.");
        }
    }
}
