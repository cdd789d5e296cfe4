package de.foerderregister.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * German unless the user chose English: {@code ?lang=en} (or {@code de}) on a page, then the
 * cookie it leaves. The browser's Accept-Language is ignored on purpose: the registry's working
 * language is German, whatever language a workstation's browser is set to.
 */
@Singleton
public class UiLanguage implements HttpLocaleResolver {

    static final Locale GERMAN = Locale.GERMAN;
    private static final Set<String> SUPPORTED = Set.of("de", "en");

    static Optional<String> fromQuery(HttpRequest<?> request) {
        return request.getParameters().getFirst("lang").map(String::strip).filter(SUPPORTED::contains);
    }

    @Override
    public Optional<Locale> resolve(HttpRequest<?> request) {
        return fromQuery(request)
                .or(() -> request.getCookies().findCookie(UiCookies.LANG_COOKIE).map(Cookie::getValue).filter(SUPPORTED::contains))
                .or(() -> Optional.of("de"))
                .map(Locale::forLanguageTag);
    }

    @Override
    public Locale resolveOrDefault(HttpRequest<?> request) {
        return resolve(request).orElse(GERMAN);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
