package de.foerderregister.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * The web interface's session: the same signed access token as {@code POST /login} answers, kept
 * in an HttpOnly cookie. It is read only for pages under {@code /ui}; the API keeps answering
 * bearer tokens alone, so a browser that holds the cookie cannot be tricked into an API call
 * that skips the CSRF check of the pages.
 */
@Singleton
public class UiSession implements TokenReader<HttpRequest<?>> {

    static final String COOKIE = "FR_SESSION";
    static final String PREFIX = "/ui";

    private final long maxAgeSeconds;
    private final boolean alwaysSecure;

    public UiSession(@Value("${micronaut.security.token.generator.access-token.expiration:3600}") long maxAgeSeconds,
                     @Value("${registry.ui.secure-cookies:false}") boolean alwaysSecure) {
        this.maxAgeSeconds = maxAgeSeconds;
        this.alwaysSecure = alwaysSecure;
    }

    static boolean isUi(HttpRequest<?> request) {
        String path = request.getPath();
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        if (!isUi(request)) {
            return Optional.empty();
        }
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(value -> !value.isBlank());
    }

    Cookie open(HttpRequest<?> request, String token) {
        return flags(request, Cookie.of(COOKIE, token)).maxAge(Duration.ofSeconds(maxAgeSeconds));
    }

    Cookie close(HttpRequest<?> request) {
        return flags(request, Cookie.of(COOKIE, "")).maxAge(0);
    }

    /** HttpOnly, SameSite=Lax, the whole site; Secure where the request came over TLS or configuration asks. */
    Cookie flags(HttpRequest<?> request, Cookie cookie) {
        return cookie.httpOnly(true).sameSite(SameSite.Lax).path("/").secure(alwaysSecure || request.isSecure());
    }
}
