package de.foerderregister.system;

import io.micronaut.context.AbstractMessageSource;
import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The registry's one set of texts, one bundle per language: {@code i18n/messages.properties}
 * (German, the default) and {@code messages_en}. The pages, the API's field errors
 * ({@link de.foerderregister.problem.FieldError#worded}), the import's row errors and the reports'
 * labels all read it. Without the JVM's default locale as a fallback,
 * so a server set to English still shows German by default.
 */
@Singleton
public class Messages extends AbstractMessageSource {

    public static final String BUNDLE = "i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public Optional<String> getRawMessage(String code, MessageContext context) {
        return raw(context.getLocale(Locale.GERMAN), code);
    }

    /** The message with {0}, {1}… filled in, or the key itself so a missing text shows instead of failing. */
    public String text(Locale locale, String code, Object... args) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            variables.put(String.valueOf(i), args[i]);
        }
        return getMessage(code, MessageSource.MessageContext.of(locale, variables)).orElse(code);
    }

    /**
     * The language of an API answer: English, unless the client's Accept-Language prefers German.
     * (The pages choose theirs differently, see {@code web.UiLanguage}.)
     */
    public static Locale apiLocale(HttpRequest<?> request) {
        return request.getHeaders().findFirst(HttpHeaders.ACCEPT_LANGUAGE).map(header -> {
            try {
                return Locale.lookup(Locale.LanguageRange.parse(header), List.of(Locale.ENGLISH, Locale.GERMAN));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }).filter(Locale.GERMAN::equals).orElse(Locale.ENGLISH);
    }

    /** The German text of a key, for documents that are always German (the reports). */
    public static String german(String code) {
        return raw(Locale.GERMAN, code).orElseThrow(() -> new MissingResourceException(
                "no German text for " + code, BUNDLE, code));
    }

    private static Optional<String> raw(Locale locale, String code) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(), NO_FALLBACK);
            return bundle.containsKey(code) ? Optional.of(bundle.getString(code)) : Optional.empty();
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }
}
