package de.foerderregister.web;

import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.ApplicationView;
import de.foerderregister.application.Status;
import de.foerderregister.budget.CarryOverService;
import de.foerderregister.budget.PaymentOverview;
import de.foerderregister.budget.PaymentService;
import de.foerderregister.budget.PaymentStatus;
import de.foerderregister.budget.YearFigures;
import de.foerderregister.decision.DecisionLedger;
import de.foerderregister.problem.FieldError;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An application's page: its facts, decisions, amendments, history, its money (the figures per
 * year, payments and repayments) and its documents, with the forms the caller's role may use there. The page itself
 * and each of its forms build it here, so a refused form shows the same page with its errors.
 */
@Singleton
class ApplicationDetail {

    static final String VIEW = "application";

    private final ApplicationService applications;
    private final DecisionLedger ledger;
    private final PaymentService payments;
    private final CarryOverService carryOvers;
    private final DocumentSection documents;
    private final UiPages pages;

    ApplicationDetail(ApplicationService applications, DecisionLedger ledger, PaymentService payments,
                      CarryOverService carryOvers, DocumentSection documents, UiPages pages) {
        this.applications = applications;
        this.ledger = ledger;
        this.payments = payments;
        this.carryOvers = carryOvers;
        this.documents = documents;
        this.pages = pages;
    }

    /** The page as it stands, with empty forms. */
    Map<String, Object> model(HttpRequest<?> request, Caller caller, long id) {
        return model(request, caller, id, Map.of());
    }

    /**
     * The page again after a form of it was refused: what was typed, the errors next to their
     * fields (each service field leads to the form's own field through {@code anchors}) and the
     * summary above the form.
     */
    HttpResponse<?> refused(HttpRequest<?> request, Caller caller, long id, String form, Map<String, String> typed,
                            List<FieldError> errors, Map<String, String> anchors, HttpStatus status) {
        Map<String, Object> model = model(request, caller, id, typed);
        model.put("failed", form);
        // the language switch leads to the page, not to the form's address
        model.put("path", ApplicationPages.PATH + "/" + id);
        pages.putErrors(request, model, errors, anchors);
        return pages.page(status, VIEW, model);
    }

    private Map<String, Object> model(HttpRequest<?> request, Caller caller, long id, Map<String, String> typed) {
        ApplicationView application = applications.get(caller, id, null);
        PaymentOverview money = payments.overview(caller, id);
        Map<String, Object> model = pages.model(request);
        model.put("a", application);
        model.put("decisions", ledger.decisions(id));
        model.put("amendments", ledger.amendments(id));
        model.put("history", applications.history(caller, id));
        model.put("done", "");
        model.put("mayChange", caller.hasRole(Role.STATE, Role.FITKO));
        model.put("mayDecide", caller.hasRole(Role.FITKO));
        // what the status allows, from the status machine itself
        model.put("canEdit", application.status().isEditable());
        model.put("canSubmit", application.status().allowedMoves().contains(Status.SUBMITTED));
        model.put("canWithdraw", application.status().allowedMoves().contains(Status.WITHDRAWN));

        boolean approved = application.status() == Status.APPROVED;
        model.put("money", money);
        // the status machine decides which payment may still be cancelled
        model.put("cancelled", PaymentStatus.CANCELLED);
        model.put("showMoney", approved || !money.payments().isEmpty() || !money.repayments().isEmpty());
        model.put("mayRequest", approved && caller.hasRole(Role.STATE, Role.FITKO));
        model.put("mayRepay", approved && caller.hasRole(Role.FINANCE));
        model.put("mayCarry", approved && caller.hasRole(Role.FITKO));
        model.put("carryOvers", carryOvers.list(caller, id));
        documents.put(model, caller, id);
        Map<String, String> form = defaults(money);
        form.putAll(typed);
        model.put("form", form);
        // which form the error summary belongs to: it stands above that form
        model.put("failed", "");
        return model;
    }

    /**
     * The years the forms most likely are for: the first with money left to request (else the first
     * of the split), and for a carry-over the last year as the one it goes to.
     */
    private static Map<String, String> defaults(PaymentOverview money) {
        Map<String, String> form = new HashMap<>();
        money.years().stream().filter(year -> year.remaining().signum() > 0).findFirst()
                .or(() -> money.years().stream().findFirst())
                .map(YearFigures::year)
                .ifPresent(year -> {
                    form.put("paymentYear", String.valueOf(year));
                    form.put("repaymentYear", String.valueOf(year));
                    form.put("carryFromYear", String.valueOf(year));
                });
        if (!money.years().isEmpty()) {
            form.put("carryToYear", String.valueOf(money.years().get(money.years().size() - 1).year()));
        }
        return form;
    }
}
