package de.foerderregister.notification;

import de.foerderregister.audit.AccountAudited;
import de.foerderregister.audit.AuditAction;
import de.foerderregister.audit.FieldChange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A message waits in the outbox until the relay takes it, for hours when the relay is down, and was
 * addressed by the recipient's account as it was when written. When the account changes so that it
 * would not be chosen now (another role or state, disabled, another address or none) its unsent
 * messages are taken back, in the change's transaction: they tell of a state that is no longer the
 * user's, or go to a mailbox that may no longer be theirs. A kind opted out of takes back that kind's.
 * A message being sent at that moment is sent.
 */
@Singleton
class RecipientChanges implements ApplicationEventListener<AccountAudited> {

    /** The account's fields (security.UserService) that decide whether and where it receives mails. */
    private static final Set<String> ADDRESSING = Set.of("role", "state", "enabled", "email");

    private final OutboxRepository messages;
    private final Clock clock;

    RecipientChanges(OutboxRepository messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public boolean supports(AccountAudited event) {
        return event.action() == AuditAction.USER_CHANGED;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void onApplicationEvent(AccountAudited event) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (event.changes().stream().map(FieldChange::field).anyMatch(ADDRESSING::contains)) {
            messages.deleteUnsentTo(event.username(), null, now);
            return;
        }
        event.changes().stream().filter(change -> change.field().equals(NotificationPreferences.OPT_OUT_FIELD))
                .findFirst().ifPresent(change -> {
                    List<String> before = kinds(change.oldValue());
                    kinds(change.newValue()).stream().filter(kind -> !before.contains(kind))
                            .forEach(kind -> messages.deleteUnsentTo(event.username(), kind, now));
                });
    }

    /** The kinds as the audit field lists them (NotificationPreferences.listed): null when none. */
    private static List<String> kinds(@Nullable String listed) {
        return listed == null ? List.of() : Arrays.asList(listed.split(","));
    }
}
