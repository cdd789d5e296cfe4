package de.foerderregister.notification;

import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.ApplicationView;
import de.foerderregister.application.Status;
import de.foerderregister.audit.ApplicationAudited;
import de.foerderregister.audit.ApplicationsAudited;
import de.foerderregister.audit.AuditAction;
import de.foerderregister.audit.AuditTrail;
import de.foerderregister.budget.Payment;
import de.foerderregister.budget.PaymentService;
import de.foerderregister.decision.AmendmentView;
import de.foerderregister.decision.Decision;
import de.foerderregister.decision.DecisionLedger;
import de.foerderregister.decision.Outcome;
import de.foerderregister.notification.Letter.Phrase;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The mails of changes: which audited change of an application tells whom what (SPEC
 * "Notifications"). Runs in the change's transaction ({@link ApplicationAudited}), reads what the
 * letter needs there and writes it to the {@link Outbox}: the change and its mails commit together.
 * The person who made the change is never told of it, and a state's mail goes to that state's
 * users only.
 */
@Singleton
class ChangeNotifications implements ApplicationEventListener<ApplicationAudited> {

    /** The pages of applications (web.ApplicationPages); the page of one is {@code PAGE + "/" + id}. */
    private static final String PAGE = "/ui/applications";
    /** The section of an application's page (views/application.html) where an amendment is confirmed or declined. */
    private static final String AMENDMENTS = "#amendments-title";
    /** Titles may run to 200 characters; a subject shows the start of one. */
    private static final int SHORT_TITLE = 60;

    private static final Set<AuditAction> TOLD = EnumSet.of(AuditAction.SUBMITTED, AuditAction.DECIDED,
            AuditAction.AMENDMENT_PROPOSED, AuditAction.PAYMENT_RELEASED, AuditAction.PAYMENT_PAID,
            AuditAction.PAYMENT_REJECTED);

    private final ApplicationService applications;
    private final DecisionLedger ledger;
    private final PaymentService payments;
    private final AuditTrail audit;
    private final Recipients recipients;
    private final Outbox outbox;

    ChangeNotifications(ApplicationService applications, DecisionLedger ledger, PaymentService payments,
                        AuditTrail audit, Recipients recipients, Outbox outbox) {
        this.applications = applications;
        this.ledger = ledger;
        this.payments = payments;
        this.audit = audit;
        this.recipients = recipients;
        this.outbox = outbox;
    }

    @Override
    public boolean supports(ApplicationAudited event) {
        return TOLD.contains(event.action());
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void onApplicationEvent(ApplicationAudited event) {
        // the actor has just changed the application, so their scope reads it
        ApplicationView application = applications.get(event.caller(), event.applicationId(), null);
        switch (event.action()) {
            case SUBMITTED -> submitted(event, application);
            case DECIDED -> decided(event, application);
            case AMENDMENT_PROPOSED -> amendmentProposed(event, application);
            case PAYMENT_RELEASED, PAYMENT_PAID, PAYMENT_REJECTED -> payment(event, application);
            default -> throw new IllegalArgumentException("no mail for " + event.action());
        }
    }

    /**
     * The changes of many applications at once (an import's chunk): each tells what it would alone,
     * with the applications read in one query and FITKO's recipients of a submission read once (the
     * changes of a batch are all the same caller's).
     */
    @EventListener
    @Transactional(Transactional.TxType.MANDATORY)
    public void onApplicationsAudited(ApplicationsAudited batch) {
        List<ApplicationAudited> told = batch.changes().stream().filter(this::supports).toList();
        if (told.isEmpty()) {
            return;
        }
        Caller caller = told.get(0).caller();
        Map<Long, ApplicationView> read = applications.getAll(caller,
                told.stream().map(ApplicationAudited::applicationId).collect(Collectors.toSet()));
        List<Recipient> fitko = null;
        for (ApplicationAudited event : told) {
            if (event.action() == AuditAction.SUBMITTED) {
                if (fitko == null) {
                    fitko = recipients.ofRole(NotificationKind.APPLICATION_SUBMITTED, Role.FITKO, caller.username());
                }
                submitted(event, read.get(event.applicationId()), fitko);
            } else {
                onApplicationEvent(event);
            }
        }
    }

    /** To FITKO: a new application waits for its decision. */
    private void submitted(ApplicationAudited event, ApplicationView application) {
        submitted(event, application, recipients.ofRole(NotificationKind.APPLICATION_SUBMITTED, Role.FITKO,
                event.caller().username()));
    }

    private void submitted(ApplicationAudited event, ApplicationView application, List<Recipient> fitko) {
        boolean again = event.oldValue("status").filter(Status.RETURNED.name()::equals).isPresent();
        Letter letter = new Letter(NotificationKind.APPLICATION_SUBMITTED,
                subject("mail.submitted.subject", application),
                List.of(Phrase.of(again ? "mail.submitted.again" : "mail.submitted.text", application.reference(),
                        application.title()), Phrase.of("mail.submitted.next")),
                List.of(Phrase.of("mail.change.state", Phrase.of("state." + application.ownerState())),
                        Phrase.of("mail.change.requested", application.requestedAmount()),
                        Phrase.of("mail.change.submittedBy", event.caller().username())),
                page(application));
        outbox.write(letter, fitko, application.id(), null);
    }

    /**
     * To the state: approved (for how much), rejected or returned, by which body, with the note as
     * conditions of an approval or as the reason otherwise. A decision the importer transcribes from
     * old minutes is history, not news: it sends nothing, and takes back the submission mail its
     * import row wrote a moment before (only the importer transcribes what they imported; anyone else
     * who prepared an application may not decide it).
     */
    private void decided(ApplicationAudited event, ApplicationView application) {
        if (!audit.actedOn(List.of(application.id()), event.caller().username(), EnumSet.of(AuditAction.IMPORTED))
                .isEmpty()) {
            outbox.takeBack(application.id(), NotificationKind.APPLICATION_SUBMITTED);
            return;
        }
        long decisionId = Long.parseLong(event.newValue("decision.id").orElseThrow());
        Decision decision = ledger.decisions(application.id()).stream().filter(d -> d.id() == decisionId)
                .findFirst().orElseThrow();
        Outcome outcome = decision.outcome();
        List<Phrase> paragraphs = new ArrayList<>(List.of(outcome == Outcome.APPROVED
                ? Phrase.of("mail.decided.APPROVED", application.reference(), application.title(),
                        decision.approvedAmount())
                : Phrase.of("mail.decided." + outcome, application.reference(), application.title())));
        if (decision.note() != null) {
            paragraphs.add(Phrase.of(outcome == Outcome.APPROVED ? "mail.decided.conditions" : "mail.decided.reason",
                    decision.note()));
        }
        List<Phrase> items = new ArrayList<>(List.of(
                Phrase.of("mail.change.meeting", decision.body(), decision.meetingDate(), decision.agendaItem()),
                Phrase.of("mail.change.decisionKind", Phrase.of("kind." + decision.kind())),
                Phrase.of("mail.change.requested", application.requestedAmount())));
        if (outcome == Outcome.APPROVED) {
            items.add(Phrase.of("mail.change.approved", decision.approvedAmount()));
        }
        Letter letter = new Letter(NotificationKind.APPLICATION_DECIDED,
                subject("mail.decided.subject", application, Phrase.of("outcome." + outcome)), paragraphs, items,
                page(application));
        toState(letter, event.caller(), application);
    }

    /** To FITKO but the proposer: an amendment waits for a second pair of eyes, on the application's page. */
    private void amendmentProposed(ApplicationAudited event, ApplicationView application) {
        long amendmentId = Long.parseLong(event.newValue("amendment.id").orElseThrow());
        AmendmentView amendment = ledger.amendments(application.id()).stream().filter(a -> a.id() == amendmentId)
                .findFirst().orElseThrow();
        List<Phrase> items = new ArrayList<>(List.of(Phrase.of("mail.change.net", amendment.netAmount())));
        items.add(amendment.vatRatePercent() == null ? Phrase.of("mail.change.vat", amendment.vatAmount())
                : Phrase.of("mail.change.vatAtRate", amendment.vatAmount(),
                        amendment.vatRatePercent().stripTrailingZeros().toPlainString().replace('.', ',')));
        items.add(Phrase.of("mail.change.gross", amendment.grossAmount()));
        items.add(Phrase.of("mail.change.meeting", amendment.body(), amendment.meetingDate(), amendment.agendaItem()));
        items.add(Phrase.of("mail.change.reason", amendment.reason()));
        Letter letter = new Letter(NotificationKind.AMENDMENT_PROPOSED,
                subject("mail.amendmentProposed.subject", application),
                List.of(Phrase.of("mail.amendmentProposed.text", amendment.recordedBy(), application.reference(),
                                application.title(), amendment.previousAmount(), amendment.grossAmount()),
                        Phrase.of("mail.amendmentProposed.fourEyes", Phrase.of("detail.amendments"))),
                items, page(application) + AMENDMENTS);
        outbox.write(letter, recipients.ofRole(letter.kind(), Role.FITKO, event.caller().username()),
                application.id(), null);
    }

    /** To the state: a payment released for booking, paid (when, under which booking reference) or rejected (why). */
    private void payment(ApplicationAudited event, ApplicationView application) {
        long paymentId = Long.parseLong(event.newValue("payment.id").orElseThrow());
        Payment payment = payments.payment(event.caller(), application.id(), paymentId);
        Letter letter = switch (event.action()) {
            case PAYMENT_RELEASED -> paymentLetter(NotificationKind.PAYMENT_RELEASED, "mail.paymentReleased",
                    application, payment, Phrase.of("mail.paymentReleased.text", payment.amount(), payment.year(),
                            application.reference(), application.title()),
                    Phrase.of("mail.paymentReleased.next"));
            case PAYMENT_PAID -> paymentLetter(NotificationKind.PAYMENT_PAID, "mail.paymentPaid", application,
                    payment, Phrase.of("mail.paymentPaid.text", payment.amount(), payment.year(),
                            application.reference(), application.title(), payment.paidOn(),
                            payment.bookingReference()));
            case PAYMENT_REJECTED -> paymentLetter(NotificationKind.PAYMENT_REJECTED, "mail.paymentRejected",
                    application, payment, Phrase.of("mail.paymentRejected.text", payment.amount(), payment.year(),
                            application.reference(), application.title()),
                    Phrase.of("mail.paymentRejected.reason", payment.closedReason()));
            default -> throw new IllegalArgumentException("no payment mail for " + event.action());
        };
        toState(letter, event.caller(), application);
    }

    private static Letter paymentLetter(NotificationKind kind, String keys, ApplicationView application,
                                        Payment payment, Phrase... paragraphs) {
        return new Letter(kind, subject(keys + ".subject", application), List.of(paragraphs),
                List.of(Phrase.of("mail.change.purpose", payment.purpose())), page(application));
    }

    /** The application's state's users, but the actor: never anyone of another state. */
    private void toState(Letter letter, Caller actor, ApplicationView application) {
        outbox.write(letter, recipients.ofState(letter.kind(), application.ownerState(), actor.username()),
                application.id(), null);
    }

    /** A subject naming the application by its reference number and the start of its title. */
    private static Phrase subject(String key, ApplicationView application, Object... more) {
        List<Object> args = new ArrayList<>(List.of(application.reference(), shortTitle(application.title())));
        args.addAll(List.of(more));
        return new Phrase(key, args);
    }

    private static String page(ApplicationView application) {
        return PAGE + "/" + application.id();
    }

    /** The title on one line, cut after {@link #SHORT_TITLE} characters (never inside a character's surrogate pair). */
    private static String shortTitle(String title) {
        String line = title.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) <= SHORT_TITLE) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, SHORT_TITLE - 1)).stripTrailing() + "…";
    }
}
