package de.foerderregister.notification;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * What one notification says, before it is put into a recipient's language: message keys with
 * their arguments (see {@link MailComposer} for how each argument is written). {@code path} is the
 * registry page the mail links to, e.g. {@code /ui/applications/42}.
 */
public record Letter(NotificationKind kind, Phrase subject, List<Phrase> paragraphs, List<Phrase> items,
                     @Nullable String path) {

    public Letter {
        paragraphs = List.copyOf(paragraphs);
        items = List.copyOf(items);
    }

    /**
     * A text of the message bundle with its arguments: a {@code Phrase} (put into the same language),
     * a {@link Link}, an amount ({@code BigDecimal}, in euros), a date ({@code LocalDate}) or anything
     * else as it prints.
     */
    public record Phrase(String key, List<Object> args) {

        public Phrase {
            args = List.copyOf(args);
        }

        public static Phrase of(String key, Object... args) {
            return new Phrase(key, List.of(args));
        }
    }

    /** A page of the registry named in a text: its address, in the recipient's language (e.g. a work list in a digest). */
    public record Link(String path) {
    }
}
