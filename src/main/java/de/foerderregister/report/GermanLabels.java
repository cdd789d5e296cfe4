package de.foerderregister.report;

import de.foerderregister.application.ApplicationType;
import de.foerderregister.application.FundingSource;
import de.foerderregister.application.Status;
import de.foerderregister.audit.AuditAction;
import de.foerderregister.budget.PaymentStatus;
import de.foerderregister.decision.DecisionKind;
import de.foerderregister.decision.Outcome;
import de.foerderregister.system.Messages;

/**
 * The words for the registry's closed sets as official documents print them: the German texts of
 * the message bundle, the same the pages show, so a report and a page never name a status differently.
 */
final class GermanLabels {

    private GermanLabels() {
    }

    static String of(Status status) {
        return Messages.german("status." + status.name());
    }

    static String of(ApplicationType type) {
        return type.germanLabel();
    }

    static String of(FundingSource source) {
        return source.germanName();
    }

    static String of(AuditAction action) {
        return Messages.german("audit." + action.name());
    }

    static String of(Outcome outcome) {
        return Messages.german("outcome." + outcome.name());
    }

    static String of(PaymentStatus status) {
        return Messages.german("paymentStatus." + status.name());
    }

    static String of(DecisionKind kind) {
        return Messages.german("kind." + kind.name());
    }
}
