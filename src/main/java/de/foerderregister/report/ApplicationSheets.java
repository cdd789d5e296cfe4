package de.foerderregister.report;

import de.foerderregister.system.GermanNotation;

import de.foerderregister.application.AnnualPlanEntry;
import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.ApplicationView;
import de.foerderregister.audit.AuditEventView;
import de.foerderregister.audit.FieldChange;
import de.foerderregister.budget.Payment;
import de.foerderregister.budget.PaymentOverview;
import de.foerderregister.budget.PaymentService;
import de.foerderregister.budget.Repayment;
import de.foerderregister.budget.YearFigures;
import de.foerderregister.decision.AmendmentView;
import de.foerderregister.decision.Decision;
import de.foerderregister.decision.DecisionLedger;
import de.foerderregister.document.DocumentService;
import de.foerderregister.security.Caller;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Projektsteckbrief: one application, its decisions, amendments, approved year shares, payments,
 * repayments, documents and history, as a PDF.
 */
@Singleton
public class ApplicationSheets {

    private final ApplicationService applications;
    private final DecisionLedger ledger;
    private final PaymentService payments;
    private final ReportRenderer renderer;
    private final Clock clock;
    private final DocumentService documents;

    public ApplicationSheets(ApplicationService applications, DecisionLedger ledger, PaymentService payments,
                             ReportRenderer renderer, Clock clock, DocumentService documents) {
        this.applications = applications;
        this.ledger = ledger;
        this.payments = payments;
        this.renderer = renderer;
        this.clock = clock;
        this.documents = documents;
    }

    @Transactional
    public ReportFile sheet(Caller caller, long id) {
        ApplicationView application = applications.get(caller, id, null);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Decision decision : ledger.decisions(id)) {
            rows.add(row("Entscheidungen", GermanNotation.date(decision.meetingDate()),
                    GermanLabels.of(decision.outcome()) + " (" + GermanLabels.of(decision.kind()) + ")",
                    decision.approvedAmount(), decision.body() + ", " + GermanNotation.date(decision.meetingDate()) + ", "
                            + decision.agendaItem() + (decision.note() == null ? "" : " · " + decision.note())));
        }
        for (AmendmentView amendment : ledger.amendments(id)) {
            rows.add(row("Änderungen des genehmigten Volumens", GermanNotation.date(amendment.meetingDate()),
                    amendment.state().name().toLowerCase(Locale.ROOT), amendment.grossAmount(),
                    "vorher " + GermanNotation.money(amendment.previousAmount()) + ", netto " + GermanNotation.money(amendment.netAmount())
                            + ", USt " + GermanNotation.money(amendment.vatAmount()) + " · " + amendment.reason()));
        }
        PaymentOverview money = payments.overview(caller, id);
        // before an approval every share is 0,00 €: nothing to list
        if (application.approvedAmount() != null) {
            for (YearFigures year : money.years()) {
                rows.add(row("Genehmigte Jahresanteile", String.valueOf(year.year()), "genehmigter Anteil", year.approved(),
                        "abgerufen " + GermanNotation.money(year.claimed()) + ", ausgezahlt " + GermanNotation.money(year.paid())
                                + ", zurückgezahlt " + GermanNotation.money(year.repaid()) + ", noch abrufbar "
                                + GermanNotation.money(year.remaining())));
            }
        }
        for (Payment payment : money.payments()) {
            rows.add(row("Zahlungen", payment.paidOn() == null ? "–" : GermanNotation.date(payment.paidOn()),
                    "Jahr " + payment.year() + " · " + GermanLabels.of(payment.status()), payment.amount(), paymentDetail(payment)));
        }
        for (Repayment repayment : money.repayments()) {
            rows.add(row("Rückzahlungen", GermanNotation.date(repayment.receivedOn()), "Jahr " + repayment.year(),
                    repayment.amount(), repayment.reason() + " (erfasst von " + repayment.recordedBy() + ")"));
        }
        rows.addAll(documentRows(caller, id));
        for (AuditEventView event : applications.history(caller, id)) {
            rows.add(row("Verlauf", GermanNotation.dateTime(event.occurredAt()),
                    GermanLabels.of(event.action()) + " von " + event.actor(), null, changes(event.changes())));
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("REFERENCE", application.reference());
        parameters.put("TITLE", application.title());
        parameters.put("STATE", application.ownerState().germanName() + " (" + application.ownerState().name() + ")");
        parameters.put("TYPE", GermanLabels.of(application.type()));
        parameters.put("SOURCE", GermanLabels.of(application.fundingSource()));
        parameters.put("RUNTIME", GermanNotation.runtime(application.startDate(), application.endDate()));
        parameters.put("REQUESTED", application.requestedAmount());
        parameters.put("APPROVED", application.approvedAmount());
        parameters.put("STATUS", GermanLabels.of(application.status()));
        parameters.put("PLAN", application.annualPlan().isEmpty() ? "keine (anteilig nach Tagen der Laufzeit)"
                : application.annualPlan().stream().map(ApplicationSheets::planLine).collect(Collectors.joining("; ")));
        parameters.put("NOTES", application.notes() == null ? "–" : application.notes());
        parameters.put("GENERATED_AT", GermanNotation.now(clock));
        return renderer.render(caller, "application-sheet", "steckbrief-" + application.reference(), parameters,
                rows.iterator(), ReportFormat.PDF, ';');
    }

    /** Each stored file with what identifies it for good: size and SHA-256; withdrawn ones stay listed, marked. */
    private List<Map<String, Object>> documentRows(Caller caller, long id) {
        NumberFormat bytes = NumberFormat.getIntegerInstance(Locale.GERMANY);
        return documents.list(caller, id).stream()
                .map(document -> row("Dokumente", GermanNotation.dateTime(document.uploadedAt()),
                        document.title() + (document.withdrawn() ? " (zurückgezogen)" : ""), null,
                        document.fileName() + " · " + document.type() + " · " + bytes.format(document.size()) + " Bytes"
                                + "\nSHA-256 " + document.sha256()
                                + (document.withdrawn() ? "\nzurückgezogen: " + document.withdrawnReason() : "")))
                .toList();
    }

    private static Map<String, Object> row(String section, String when, String what, @Nullable BigDecimal amount,
                                           String detail) {
        Map<String, Object> row = new HashMap<>();
        row.put("section", section);
        row.put("when", when);
        row.put("what", what);
        row.put("amount", amount);
        row.put("detail", detail);
        return row;
    }

    /** A payment's way so far: who requested and released it, its booking, or why it was closed. */
    private static String paymentDetail(Payment payment) {
        StringBuilder detail = new StringBuilder("Nr. " + payment.id() + " · " + payment.purpose()
                + " · angefordert am " + GermanNotation.dateTime(payment.requestedAt()) + " von " + payment.requestedBy());
        if (payment.releasedAt() != null) {
            detail.append(" · freigegeben am ").append(GermanNotation.dateTime(payment.releasedAt()))
                    .append(" von ").append(payment.releasedBy());
        }
        if (payment.bookingReference() != null) {
            detail.append(" · Buchungszeichen ").append(payment.bookingReference());
        }
        if (payment.closedReason() != null) {
            detail.append(" · ").append(payment.closedReason());
        }
        return detail.toString();
    }

    private static String changes(List<FieldChange> changes) {
        return changes.stream()
                .map(change -> change.field() + ": " + (change.oldValue() == null ? "–" : change.oldValue())
                        + " → " + (change.newValue() == null ? "–" : change.newValue()))
                .collect(Collectors.joining("\n"));
    }

    private static String planLine(AnnualPlanEntry entry) {
        return entry.year() + ": " + GermanNotation.money(entry.amount());
    }

}
