package de.foerderregister.notification;

import de.foerderregister.application.StateCode;
import de.foerderregister.notification.Letter.Phrase;
import de.foerderregister.obligation.ObligationService;
import de.foerderregister.obligation.ObligationView;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Tells a state's users of their reports: due within {@code registry.notifications.due-within} days,
 * and overdue (for at most as many days: what is older waits in the weekly digest, so that a new
 * user is not sent one mail per report ever missed). Each report and due date is told of once per
 * user and kind, however often and on however many instances this runs: the outbox keeps one
 * message per dedup key. A report whose due date moves is told of again, for its new date.
 */
@Singleton
public class ObligationReminders {

    private static final Logger LOG = LoggerFactory.getLogger(ObligationReminders.class);

    private final ObligationService obligations;
    private final Recipients recipients;
    private final Outbox outbox;
    private final NotificationSettings settings;
    private final TransactionOperations<Connection> transactions;

    ObligationReminders(ObligationService obligations, Recipients recipients, Outbox outbox,
                        NotificationSettings settings, TransactionOperations<Connection> transactions) {
        this.obligations = obligations;
        this.recipients = recipients;
        this.outbox = outbox;
        this.settings = settings;
        this.transactions = transactions;
    }

    /** Writes the reminders not written yet; one state's failure (a deadlock, say) leaves the others to go on. */
    public void remind() {
        Map<StateCode, List<ObligationView>> byState = obligations.owedAround(settings.dueWithin(), settings.dueWithin())
                .stream().collect(Collectors.groupingBy(ObligationView::ownerState, TreeMap::new, Collectors.toList()));
        byState.forEach((state, owed) -> {
            try {
                transactions.executeWrite(status -> {
                    remind(state, owed);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("Could not write the report reminders of {}; the next run tries again: {}", state, e.toString());
            }
        });
    }

    private void remind(StateCode state, List<ObligationView> owed) {
        Map<NotificationKind, List<Recipient>> to = new EnumMap<>(NotificationKind.class);
        for (ObligationView report : owed) {
            NotificationKind kind = report.overdue() ? NotificationKind.OBLIGATION_OVERDUE : NotificationKind.OBLIGATION_DUE;
            List<Recipient> users = to.computeIfAbsent(kind, k -> recipients.ofState(k, state));
            if (!users.isEmpty()) {
                outbox.write(letter(kind, report), users, report.applicationId(), dedupKey(kind, report));
            }
        }
    }

    /** Once per report and due date: {@code obligation-due:<id>:<date>} (the outbox adds the recipient). */
    private static String dedupKey(NotificationKind kind, ObligationView report) {
        String prefix = kind == NotificationKind.OBLIGATION_OVERDUE ? "obligation-overdue" : "obligation-due";
        return prefix + ":" + report.id() + ":" + report.dueDate();
    }

    private static Letter letter(NotificationKind kind, ObligationView report) {
        String key = kind == NotificationKind.OBLIGATION_OVERDUE ? "mail.obligationOverdue" : "mail.obligationDue";
        Phrase what = Phrase.of("obligationKind." + report.kind().name(), report.periodYear());
        return new Letter(kind, Phrase.of(key + ".subject", report.dueDate(), report.reference()),
                List.of(Phrase.of(key + ".text", what, report.reference(), report.title(), report.dueDate())), List.of(),
                WeeklyDigest.reportPath(report));
    }
}
