package de.foerderregister.notification;

import de.foerderregister.audit.AuditAction;
import de.foerderregister.audit.AuditTrail;
import de.foerderregister.audit.FieldChange;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.RuleCode;
import de.foerderregister.security.Caller;
import de.foerderregister.security.UserService;
import de.foerderregister.security.UserView;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Users set their own notifications: the address and language of their mails (the account's, kept by
 * {@link UserService}) and the kinds they opt out of (kept here). Every user acts on their own account
 * only: there is no username to name. One change is one audit event on the account.
 */
@Singleton
public class NotificationPreferences {

    /** The audit field of the opt-outs: the kinds, sorted and comma-separated. */
    static final String OPT_OUT_FIELD = "notifications.optOut";

    private final UserService users;
    private final OptOutRepository optOuts;
    private final AuditTrail audit;

    NotificationPreferences(UserService users, OptOutRepository optOuts, AuditTrail audit) {
        this.users = users;
        this.optOuts = optOuts;
        this.audit = audit;
    }

    @Transactional
    public NotificationPreferencesView get(Caller caller) {
        UserView account = users.own(caller);
        Set<String> off = Set.copyOf(optOuts.kinds(caller.username()));
        return new NotificationPreferencesView(account.email(), account.language(), NotificationKind.of(caller.role())
                .stream().map(kind -> new NotificationPreferencesView.KindSetting(kind, !off.contains(kind.name())))
                .toList());
    }

    /**
     * Changes what the command gives. A kind the caller's role does not receive is refused like an
     * unknown one: {@code optOuts[i]} names it.
     */
    @Transactional
    public NotificationPreferencesView change(Caller caller, String clientAddress, NotificationPreferencesCommand command) {
        Set<String> wanted = command.optOuts() == null ? null : kinds(caller, command.optOuts());
        Set<String> before = new TreeSet<>(optOuts.kinds(caller.username()));
        // opting out of a kind silences mail as removing the address does: the password too
        boolean silences = wanted != null && !before.containsAll(wanted);
        List<FieldChange> changes = new ArrayList<>(users.changeOwnContact(caller, clientAddress, command.email(),
                command.language(), command.currentPassword(), silences));
        if (wanted != null) {
            before.stream().filter(kind -> !wanted.contains(kind)).forEach(kind -> optOuts.remove(caller.username(), kind));
            wanted.stream().filter(kind -> !before.contains(kind)).forEach(kind -> optOuts.add(caller.username(), kind));
            if (!before.equals(wanted)) {
                changes.add(new FieldChange(OPT_OUT_FIELD, listed(before), listed(wanted)));
            }
        }
        if (!changes.isEmpty()) {
            audit.recordAccount(caller.username(), caller, AuditAction.USER_CHANGED, changes);
        }
        return get(caller);
    }

    /** The kinds named, each one the caller's role receives; sorted, without repeats. */
    private static Set<String> kinds(Caller caller, List<String> named) {
        List<NotificationKind> theirs = NotificationKind.of(caller.role());
        String allowed = theirs.stream().map(Enum::name).collect(Collectors.joining(", "));
        List<FieldError> errors = new ArrayList<>();
        Set<String> kinds = new TreeSet<>();
        for (int i = 0; i < named.size(); i++) {
            String name = named.get(i);
            if (theirs.stream().anyMatch(kind -> kind.name().equals(name))) {
                kinds.add(name);
            } else {
                errors.add(new FieldError("optOuts[" + i + "]", RuleCode.VALUE_ONE_OF, allowed));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return kinds;
    }

    /** What the audit trail shows of a set of opt-outs: null when there are none. */
    private static String listed(Set<String> kinds) {
        return kinds.isEmpty() ? null : String.join(",", kinds);
    }
}
