package de.foerderregister.web;

import com.nimbusds.jwt.JWTParser;
import de.foerderregister.system.TrustedProxies;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The web interface's session: the same signed access token as {@code POST /login} answers, kept
 * in an HttpOnly cookie. It is read only for pages under {@code /ui}; the API keeps answering
 * bearer tokens alone, so a browser that holds the cookie cannot be tricked into an API call
 * that skips the CSRF check of the pages.
 *
 * <p>Over HTTPS the cookies are Secure and carry the {@code __Host-} prefix, which a browser only
 * accepts from this very host, over HTTPS, for the whole site: a neighbouring subdomain or a plain
 * HTTP page cannot plant (toss) a session or pre-session cookie. Over plain HTTP (local
 * development) the names stay {@code FR_SESSION} and {@code FR_CSRF}.
 */
@Singleton
public class UiSession implements TokenReader<HttpRequest<?>> {

    static final String COOKIE = "FR_SESSION";
    /** The pre-session id a browser has before login; its forms' CSRF token derives from it. */
    static final String PRE_SESSION_COOKIE = "FR_CSRF";
    static final String HOST_PREFIX = "__Host-";
    static final String PREFIX = "/ui";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final long maxAgeSeconds;
    private final boolean alwaysSecure;
    private final TrustedProxies proxies;
    private final TokenGenerator tokens;
    private final String issuer;

    public UiSession(@Value("${micronaut.security.token.generator.access-token.expiration:3600}") long maxAgeSeconds,
                     @Value("${registry.ui.secure-cookies:false}") boolean alwaysSecure, TrustedProxies proxies,
                     TokenGenerator tokens, @Value("${registry.jwt.issuer}") String issuer) {
        this.issuer = issuer;
        this.maxAgeSeconds = maxAgeSeconds;
        this.alwaysSecure = alwaysSecure;
        this.proxies = proxies;
        this.tokens = tokens;
    }

    static boolean isUi(HttpRequest<?> request) {
        String path = request.getPath();
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    /**
     * The pages' session is the registry's own token only: an identity provider's access token placed in the cookie
     * is not read (on the API it would be accepted, in its own right, as a bearer token).
     */
    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        if (!isUi(request)) {
            return Optional.empty();
        }
        return sessionToken(request).filter(this::issuedHere);
    }

    private boolean issuedHere(String token) {
        try {
            return issuer.equals(JWTParser.parse(token).getJWTClaimsSet().getIssuer());
        } catch (ParseException e) {
            return false;
        }
    }

    /** The session cookie's value, valid or not; only the cookie of this request's scheme counts. */
    Optional<String> sessionToken(HttpRequest<?> request) {
        return value(request, name(request, COOKIE));
    }

    Optional<String> preSessionId(HttpRequest<?> request) {
        return value(request, name(request, PRE_SESSION_COOKIE));
    }

    /**
     * Signs the user in, whichever way they proved who they are (password or identity provider): a new signed session
     * token, of the same lifetime as the API's, in the session cookie; then on to the start page. Empty if no token
     * could be signed.
     */
    Optional<MutableHttpResponse<?>> signIn(HttpRequest<?> request, Authentication user) {
        return tokens.generateToken(user, (int) maxAgeSeconds).map(token -> open(request, UiPages.redirect("/ui"), token));
    }

    /** Signs in: the session cookie, and a new pre-session id so no form token of before the login stays valid. */
    MutableHttpResponse<?> open(HttpRequest<?> request, MutableHttpResponse<?> response, String token) {
        return response.cookie(flags(request, Cookie.of(name(request, COOKIE), token)).maxAge(Duration.ofSeconds(maxAgeSeconds)))
                .cookie(newPreSession(request, newPreSessionId()));
    }

    /** Signs out: the session cookie goes, and with a new pre-session id every form of the session is void. */
    MutableHttpResponse<?> close(HttpRequest<?> request, MutableHttpResponse<?> response) {
        return response.cookie(flags(request, Cookie.of(name(request, COOKIE), "")).maxAge(0))
                .cookie(newPreSession(request, newPreSessionId()));
    }

    static String newPreSessionId() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    Cookie newPreSession(HttpRequest<?> request, String id) {
        return flags(request, Cookie.of(name(request, PRE_SESSION_COOKIE), id)).sameSite(SameSite.Strict);
    }

    /**
     * HttpOnly, SameSite=Lax, Path=/ and no Domain; Secure where the request came over HTTPS (to us or
     * to a trusted proxy) or configuration asks for it always.
     */
    Cookie flags(HttpRequest<?> request, Cookie cookie) {
        return cookie.httpOnly(true).sameSite(SameSite.Lax).path("/").secure(isSecure(request));
    }

    /** A cookie's name for this request: {@code __Host-} prefixed where the cookie is Secure. */
    String name(HttpRequest<?> request, String name) {
        return isSecure(request) ? HOST_PREFIX + name : name;
    }

    private boolean isSecure(HttpRequest<?> request) {
        return alwaysSecure || proxies.cameOverHttps(request);
    }

    private static Optional<String> value(HttpRequest<?> request, String name) {
        return request.getCookies().findCookie(name).map(Cookie::getValue).filter(value -> !value.isBlank());
    }
}
