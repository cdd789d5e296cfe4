package de.foerderregister.web;

import io.micronaut.context.AbstractMessageSource;
import io.micronaut.context.MessageSource;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The texts of the pages: {@code i18n/messages.properties} (German) and {@code messages_en}.
 * Without the JVM's default locale as a fallback, so a server set to English still shows German
 * by default.
 */
@Singleton
public class UiMessages extends AbstractMessageSource {

    private static final String BUNDLE = "i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public Optional<String> getRawMessage(String code, MessageContext context) {
        Locale locale = context.getLocale(UiLanguage.GERMAN);
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, UiMessages.class.getClassLoader(), NO_FALLBACK);
            return bundle.containsKey(code) ? Optional.of(bundle.getString(code)) : Optional.empty();
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    /** The message with {0}, {1}… filled in, or the key itself so a missing text shows instead of failing. */
    public String text(Locale locale, String code, Object... args) {
        Map<String, Object> variables = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            variables.put(String.valueOf(i), args[i]);
        }
        return getMessage(code, MessageSource.MessageContext.of(locale, variables)).orElse(code);
    }
}
