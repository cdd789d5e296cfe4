package de.foerderregister.notification;

import de.foerderregister.security.Role;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a mail tells of, and the unit a user opts out of. Each kind has its recipients: SPEC's
 * "Notifications" names them, {@code NotificationKind} keeps the list in one place.
 */
public enum NotificationKind {
    /** An application was submitted: to FITKO. */
    APPLICATION_SUBMITTED(Role.FITKO),
    /** An application was approved, rejected or returned: to its state's users. */
    APPLICATION_DECIDED(Role.STATE),
    /** An amendment waits for a second pair of eyes: to the FITKO users but its proposer. */
    AMENDMENT_PROPOSED(Role.FITKO),
    /** A payment was released for booking: to the state's users. */
    PAYMENT_RELEASED(Role.STATE),
    /** A payment was booked as paid: to the state's users. */
    PAYMENT_PAID(Role.STATE),
    /** A payment request was rejected: to the state's users. */
    PAYMENT_REJECTED(Role.STATE),
    /** A report falls due within the reminder period: to the state's users. */
    OBLIGATION_DUE(Role.STATE),
    /** A report is overdue: to the state's users. */
    OBLIGATION_OVERDUE(Role.STATE),
    /** Once a week, what waits for the user: to every user for whom something waits. */
    WEEKLY_DIGEST(Role.STATE, Role.FITKO, Role.FINANCE);

    private final Set<Role> roles;

    NotificationKind(Role... roles) {
        this.roles = EnumSet.copyOf(Arrays.asList(roles));
    }

    /** Whether users of the role receive this kind at all: only those kinds are theirs to opt out of. */
    public boolean concerns(Role role) {
        return roles.contains(role);
    }

    /** The kinds a user of the role receives, in the order above. */
    public static List<NotificationKind> of(Role role) {
        return Arrays.stream(values()).filter(kind -> kind.concerns(role)).toList();
    }
}
