package de.foerderregister.notification;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes mails into the outbox inside the caller's transaction: the change and its mails commit
 * together or not at all. Sending is the worker's business, after the commit.
 */
@Singleton
public class Outbox {

    private final OutboxRepository messages;
    private final MailComposer composer;
    private final Clock clock;

    Outbox(OutboxRepository messages, MailComposer composer, Clock clock) {
        this.messages = messages;
        this.composer = composer;
        this.clock = clock;
    }

    /**
     * One message per recipient, in the recipient's language, written in one batch.
     *
     * @param applicationId the application the letter is about, if any
     * @param dedupKey      for mails written by a timer: what makes this letter once-only (e.g. the
     *                      report and its due date); the recipient is added to it. Null: always written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(Letter letter, Collection<Recipient> recipients, @Nullable Long applicationId,
                      @Nullable String dedupKey) {
        Map<Locale, Mail> byLanguage = new HashMap<>();
        List<NewMessage> written = new ArrayList<>();
        for (Recipient recipient : recipients) {
            Mail mail = byLanguage.computeIfAbsent(recipient.language(), language -> composer.compose(letter, language));
            written.add(new NewMessage(composer.newMessageId(), letter.kind(),
                    dedupKey == null ? null : dedupKey + ":" + recipient.username(), applicationId,
                    recipient.username(), recipient.address(), recipient.language().getLanguage(), mail.subject(),
                    mail.text(), mail.html()));
        }
        messages.insertAll(written, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * Takes back the unsent messages of a kind about an application, for a change that turns out,
     * later in the same transaction, to tell history rather than news (an import row that carries
     * its decision: its submission is not waiting for anyone).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void takeBack(long applicationId, NotificationKind kind) {
        messages.deleteUnsent(applicationId, kind.name());
    }
}
