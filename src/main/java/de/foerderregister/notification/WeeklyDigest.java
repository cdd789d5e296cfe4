package de.foerderregister.notification;

import de.foerderregister.application.ApplicationFilter;
import de.foerderregister.application.ApplicationPaging;
import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.ApplicationView;
import de.foerderregister.application.LightFilter;
import de.foerderregister.application.StateCode;
import de.foerderregister.application.Status;
import de.foerderregister.budget.PaymentListRow;
import de.foerderregister.budget.PaymentService;
import de.foerderregister.budget.PaymentStatus;
import de.foerderregister.decision.AmendmentService;
import de.foerderregister.decision.PendingAmendment;
import de.foerderregister.notification.Letter.Link;
import de.foerderregister.notification.Letter.Phrase;
import de.foerderregister.obligation.ObligationFilter;
import de.foerderregister.obligation.ObligationService;
import de.foerderregister.obligation.ObligationStatus;
import de.foerderregister.obligation.ObligationView;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Once a week, on {@code registry.notifications.digest-day}, each user's summary of what waits for
 * them: how many, the oldest few, and a link to the work list. What waits is read through the
 * services' own work lists with the user as the caller, so a state's user is told of their own
 * state's things only, exactly as their pages show them. Nothing waits: no mail. One digest per
 * user and ISO week, however often and on however many instances this runs (dedup key
 * {@code digest:<yyyy-Www>}).
 */
@Singleton
public class WeeklyDigest {

    private static final Logger LOG = LoggerFactory.getLogger(WeeklyDigest.class);
    /** How many of each section a digest names; the link leads to the rest. */
    private static final int FIRST = 3;
    private static final List<ObligationStatus> OWED = Arrays.stream(ObligationStatus.values())
            .filter(ObligationStatus::isOutstanding).toList();

    private final Recipients recipients;
    private final Outbox outbox;
    private final ApplicationService applications;
    private final AmendmentService amendments;
    private final PaymentService payments;
    private final ObligationService obligations;
    private final NotificationSettings settings;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;

    WeeklyDigest(Recipients recipients, Outbox outbox, ApplicationService applications, AmendmentService amendments,
                 PaymentService payments, ObligationService obligations, NotificationSettings settings, Clock clock,
                 TransactionOperations<Connection> transactions) {
        this.recipients = recipients;
        this.outbox = outbox;
        this.applications = applications;
        this.amendments = amendments;
        this.payments = payments;
        this.obligations = obligations;
        this.settings = settings;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** A reader of the digest: the account as a caller, and where its mail goes. */
    private record Reader(Caller caller, Recipient recipient) {
    }

    /** One kind of work waiting: its heading (with the count), the first few and how many there are. */
    private record Section(Phrase heading, List<Entry> first, long count) {
    }

    private record Entry(String reference, String title, String path) {
    }

    /** On the digest day, writes every digest of this week not written yet; on other days nothing. */
    public void send() {
        LocalDate today = LocalDate.now(clock);
        if (today.getDayOfWeek() != settings.digestDay()) {
            return;
        }
        String key = "digest:" + week(today);
        for (Reader reader : transactions.executeRead(status -> readers())) {
            try {
                letter(reader.caller(), today).ifPresent(letter -> transactions.executeWrite(status -> {
                    outbox.write(letter, List.of(reader.recipient()), null, key);
                    return null;
                }));
            } catch (RuntimeException e) {
                LOG.warn("Could not write the weekly digest of {}; the next run tries again: {}",
                        reader.caller().username(), e.toString());
            }
        }
    }

    /** The ISO week of a day, as {@code 2026-W49}. */
    static String week(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The page of a report. */
    static String reportPath(ObligationView report) {
        return applicationPath(report.applicationId()) + "/obligations/" + report.id();
    }

    /** The users who receive digests, with their role and state: administrators have no work lists. */
    private List<Reader> readers() {
        List<Reader> readers = new ArrayList<>();
        for (Role role : List.of(Role.FITKO, Role.FINANCE)) {
            recipients.ofRole(NotificationKind.WEEKLY_DIGEST, role, null).forEach(recipient ->
                    readers.add(new Reader(new Caller(recipient.username(), role, null), recipient)));
        }
        for (StateCode state : StateCode.values()) {
            recipients.ofState(NotificationKind.WEEKLY_DIGEST, state).forEach(recipient ->
                    readers.add(new Reader(new Caller(recipient.username(), Role.STATE, state), recipient)));
        }
        return readers;
    }

    /** The user's digest, or none when nothing waits for them. */
    private Optional<Letter> letter(Caller caller, LocalDate today) {
        List<Section> sections = sections(caller, today).stream().filter(section -> section.count() > 0).toList();
        if (sections.isEmpty()) {
            return Optional.empty();
        }
        List<Phrase> paragraphs = new ArrayList<>();
        paragraphs.add(Phrase.of("mail.digest.intro", today));
        for (Section section : sections) {
            paragraphs.add(section.heading());
            section.first().forEach(entry -> paragraphs.add(Phrase.of("mail.digest.entry", entry.reference(),
                    entry.title(), new Link(entry.path()))));
            if (section.count() > section.first().size()) {
                paragraphs.add(Phrase.of("mail.digest.more", section.count() - section.first().size()));
            }
        }
        long total = sections.stream().mapToLong(Section::count).sum();
        return Optional.of(new Letter(NotificationKind.WEEKLY_DIGEST, Phrase.of("mail.digest.subject", week(today), total),
                paragraphs, List.of(), "/ui"));
    }

    private List<Section> sections(Caller caller, LocalDate today) {
        Pageable first = Pageable.from(0, FIRST);
        return switch (caller.role()) {
            case FITKO -> List.of(
                    applications(caller, Status.SUBMITTED, "mail.digest.queue", "/ui/queue"),
                    section(amendments.awaitingConfirmation(caller, first), "mail.digest.amendments",
                            WeeklyDigest::entry, null),
                    section(payments.toRelease(caller, first), "mail.digest.toRelease", WeeklyDigest::entry,
                            "/ui/payments/requested"),
                    reports(caller, new ObligationFilter(List.of(ObligationStatus.SUBMITTED), null, null, null),
                            "mail.digest.toReview", "/ui/obligations?status=" + ObligationStatus.SUBMITTED.name()));
            case FINANCE -> List.of(
                    section(payments.list(caller, PaymentStatus.RELEASED, null, null, first), "mail.digest.toBook",
                            WeeklyDigest::entry, "/ui/payments/released"));
            case STATE -> List.of(
                    reports(caller, new ObligationFilter(OWED, Boolean.TRUE, null, null), "mail.digest.overdue",
                            "/ui/obligations?status=OUTSTANDING&overdue=on"),
                    reports(caller, new ObligationFilter(OWED, Boolean.FALSE, null, today.plusDays(settings.dueWithin() + 1L)),
                            "mail.digest.dueSoon", "/ui/obligations?status=OUTSTANDING", settings.dueWithin()),
                    applications(caller, Status.RETURNED, "mail.digest.returned", "/ui/applications?status=RETURNED"),
                    applications(caller, Status.DRAFT, "mail.digest.drafts", "/ui/applications?status=DRAFT"));
            case ADMIN -> List.of();
        };
    }

    /** Applications of a status in the caller's scope, oldest first: the queue, the returned ones, the drafts. */
    private Section applications(Caller caller, Status status, String heading, String list) {
        Page<ApplicationView> found = applications.list(caller,
                new ApplicationFilter(null, status, null, null, null, LightFilter.ANY),
                ApplicationPaging.of(0, FIRST, "createdAt,asc"));
        return section(found, heading, WeeklyDigest::entry, list);
    }

    private Section reports(Caller caller, ObligationFilter filter, String heading, String list, Object... more) {
        return section(obligations.list(caller, filter, 0, FIRST), heading, WeeklyDigest::entry, list, more);
    }

    /**
     * A kind of work: its heading names the count ({0}), the work list ({1}) and what else it says
     * ({2}…); without a work list of its own (amendments are confirmed on their application's page)
     * the entries' links lead on.
     */
    private static <T> Section section(Page<T> found, String heading, Function<T, Entry> entry, @Nullable String list,
                                       Object... more) {
        List<Object> args = new ArrayList<>(List.of(found.getTotalSize()));
        if (list != null) {
            args.add(new Link(list));
        }
        args.addAll(List.of(more));
        Phrase counted = new Phrase(heading, args);
        return new Section(counted, found.getContent().stream().map(entry).toList(), found.getTotalSize());
    }

    private static Entry entry(ApplicationView application) {
        return new Entry(application.reference(), application.title(), applicationPath(application.id()));
    }

    private static Entry entry(PendingAmendment amendment) {
        return new Entry(amendment.reference(), amendment.title(), applicationPath(amendment.applicationId()));
    }

    private static Entry entry(PaymentListRow payment) {
        return new Entry(payment.reference(), payment.title(), applicationPath(payment.applicationId()));
    }

    private static Entry entry(ObligationView report) {
        return new Entry(report.reference(), report.title(), reportPath(report));
    }

    private static String applicationPath(long applicationId) {
        return "/ui/applications/" + applicationId;
    }
}
