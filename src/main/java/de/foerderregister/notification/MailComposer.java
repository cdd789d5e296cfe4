package de.foerderregister.notification;

import de.foerderregister.notification.Letter.Phrase;
import de.foerderregister.system.GermanNotation;
import de.foerderregister.system.Messages;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Puts a {@link Letter} into one language: the texts from the message bundle, the plain-text body
 * written here, the HTML body from {@code views/mail/notification.html} (Thymeleaf escapes what
 * applicants typed). No images, no tracking, links straight to the registry's pages at
 * {@code registry.public-url} ({@code REGISTRY_PUBLIC_URL}). Amounts and dates are written the German
 * way in both languages, as on the pages.
 */
@Singleton
public class MailComposer {

    /** The page where a user sets their address, language and the kinds they receive. */
    public static final String SETTINGS_PATH = "/ui/me/notifications";

    private final Messages messages;
    private final TemplateEngine templates;
    private final URI publicUrl;

    public MailComposer(Messages messages, TemplateEngine templates,
                        @Value("${registry.public-url:`http://localhost:8080`}") String publicUrl) {
        this.messages = messages;
        this.templates = templates;
        this.publicUrl = URI.create(publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl);
    }

    public Mail compose(Letter letter, Locale language) {
        String subject = oneLine(text(letter.subject(), language));
        List<String> paragraphs = letter.paragraphs().stream().map(p -> text(p, language)).toList();
        List<String> items = letter.items().stream().map(p -> text(p, language)).toList();
        String link = letter.path() == null ? null : link(letter.path(), language);
        String settings = link(SETTINGS_PATH, language);
        String greeting = messages.text(language, "mail.greeting");
        String linkLabel = messages.text(language, "mail.link");
        String footer = messages.text(language, "mail.footer");
        String settingsLabel = messages.text(language, "mail.settings");

        StringBuilder text = new StringBuilder(greeting).append("\n\n");
        paragraphs.forEach(p -> text.append(p).append("\n\n"));
        items.forEach(i -> text.append("- ").append(i).append('\n'));
        if (!items.isEmpty()) {
            text.append('\n');
        }
        if (link != null) {
            text.append(linkLabel).append(": ").append(link).append("\n\n");
        }
        // "-- " is the signature separator mail programs recognise
        text.append("-- \n").append(footer).append('\n').append(settingsLabel).append(": ").append(settings).append('\n');

        Context context = new Context(language, Map.of(
                "lang", language.getLanguage(), "subject", subject, "greeting", greeting, "paragraphs", paragraphs,
                "items", items, "link", link == null ? "" : link, "linkLabel", linkLabel, "footer", footer,
                "settings", settings, "settingsLabel", settingsLabel));
        return new Mail(subject, text.toString(), templates.process("mail/notification", context));
    }

    /**
     * A new Message-ID (RFC 5322) in the registry's own domain: a random name, so it says nothing of
     * the message, and a message keeps it on every attempt.
     */
    public String newMessageId() {
        return "<" + UUID.randomUUID() + "@" + publicUrl.getHost() + ">";
    }

    /**
     * The page at the registry's public address, in the recipient's language. The path may carry a
     * query of its own, and a section of the page ({@code #…}), which stays at the end: behind it the
     * language would be taken for part of the section's name.
     */
    public String link(String path, Locale language) {
        boolean english = Locale.ENGLISH.getLanguage().equals(language.getLanguage());
        int section = path.indexOf('#');
        String page = section < 0 ? path : path.substring(0, section);
        return publicUrl + page + (english ? (page.contains("?") ? "&" : "?") + "lang=en" : "")
                + (section < 0 ? "" : path.substring(section));
    }

    private String text(Phrase phrase, Locale language) {
        Object[] args = phrase.args().stream().map(arg -> argument(arg, language)).toArray();
        return messages.text(language, phrase.key(), args);
    }

    private String argument(@Nullable Object arg, Locale language) {
        if (arg instanceof Phrase phrase) {
            return text(phrase, language);
        }
        if (arg instanceof Letter.Link page) {
            return link(page.path(), language);
        }
        if (arg instanceof BigDecimal amount) {
            return GermanNotation.money(amount);
        }
        if (arg instanceof LocalDate date) {
            return GermanNotation.date(date);
        }
        if (arg instanceof Instant instant) {
            return GermanNotation.dateTime(instant);
        }
        // what users typed (a title, a reason) sits inside a sentence of the registry's: its line breaks
        // must not set lines of their own into the text that read as the registry's; the HTML shows it so too
        return oneLine(String.valueOf(arg));
    }

    /**
     * A subject is one header line: line breaks an applicant typed into a title must not start another
     * header. An argument is one line of the text (see {@link #argument}).
     */
    private static String oneLine(String text) {
        return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }
}
