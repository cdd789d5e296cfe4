package de.foerderregister.web;

import de.foerderregister.application.FundingSource;
import de.foerderregister.budget.CarryOverCommand;
import de.foerderregister.budget.CarryOverService;
import de.foerderregister.budget.EnvelopeCheck;
import de.foerderregister.budget.EnvelopeCommand;
import de.foerderregister.budget.Envelopes;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.RegistryException;
import de.foerderregister.problem.RuleCode;
import de.foerderregister.report.BudgetStatus;
import de.foerderregister.report.BudgetStatusFilter;
import de.foerderregister.report.BudgetStatusLine;
import de.foerderregister.report.BudgetStatusService;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The budget (Haushalt): per funding source and year the envelope and what is committed, paid and
 * available, as a table and a bar chart, with the Haushaltsübersicht's documents of the reports
 * page ({@link ReportPages}) for the same filters; finance's form to set
 * an envelope, and FITKO's carry-over of an approved share on the application's page. Where a
 * change would take an envelope past its amount, the form shows the shortfall and asks for the
 * reason to exceed it. The figures are {@link BudgetStatusService}'s, the rules {@link Envelopes}'
 * and {@link CarryOverService}'s.
 */
@Controller("/ui")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class BudgetPages {

    static final String PATH = "/ui/budget";
    /**
     * The service's fields and the forms' own. A shortfall names the envelope under
     * {@link EnvelopeCheck#FIELD}: it shows at the reason to exceed it, where the user can act on it.
     */
    private static final Map<String, String> ENVELOPE_FIELDS = Map.of("year", "envelopeYear", "amount", "envelopeAmount",
            "reason", "envelopeReason", EnvelopeCheck.FIELD, "envelopeOverCommitment",
            "overCommitment.reason", "envelopeOverCommitment");
    private static final Map<String, String> CARRY_OVER_FIELDS = Map.of("fromYear", "carryFromYear",
            "toYear", "carryToYear", "amount", "carryAmount", "reason", "carryReason",
            EnvelopeCheck.FIELD, "carryOverCommitment", "overCommitment.reason", "carryOverCommitment");

    private final BudgetStatusService statuses;
    private final Envelopes envelopes;
    private final CarryOverService carryOvers;
    private final ApplicationDetail detail;
    private final UiPages pages;
    private final Clock clock;

    public BudgetPages(BudgetStatusService statuses, Envelopes envelopes,
                       CarryOverService carryOvers, ApplicationDetail detail, UiPages pages, Clock clock) {
        this.statuses = statuses;
        this.envelopes = envelopes;
        this.carryOvers = carryOvers;
        this.detail = detail;
        this.pages = pages;
        this.clock = clock;
    }

    @Get("/budget")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> budget(HttpRequest<?> request, Caller caller) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("envelopeSource", FundingSource.DIGITALISATION_BUDGET.name());
        form.put("envelopeYear", String.valueOf(Year.now(clock).getValue()));
        return budgetPage(request, caller, form, List.of(), HttpStatus.OK);
    }

    @Post("/budget/envelopes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> setEnvelope(HttpRequest<?> request, Caller caller, @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        caller.requireRole("set budget envelopes", Role.FINANCE);
        FundingSource source = required(input, "envelopeSource", input.choice("envelopeSource", FundingSource.class));
        Integer year = required(input, "envelopeYear", input.year("envelopeYear"));
        EnvelopeCommand command = new EnvelopeCommand(input.amount("envelopeAmount"), input.text("envelopeReason"),
                input.overCommitment("envelopeOverCommitment"));
        return input.submit(() -> {
            envelopes.set(caller, source, year, command);
            return UiPages.redirect(PATH + "?done=envelopeSet");
        }, (errors, status) -> budgetPage(request, caller, input.values(), errors, status));
    }

    @Post("/applications/{id}/carry-overs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> carryOver(HttpRequest<?> request, Caller caller, @PathVariable long id,
                                     @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        CarryOverCommand command = new CarryOverCommand(input.year("carryFromYear"), input.year("carryToYear"),
                input.amount("carryAmount"), input.text("carryReason"), input.overCommitment("carryOverCommitment"));
        return input.submit(() -> {
            carryOvers.carry(caller, id, command);
            return UiPages.redirect(ApplicationPages.PATH + "/" + id + "?done=carriedOver");
        }, (errors, status) -> detail.refused(request, caller, id, "carryOver", input.values(), errors, CARRY_OVER_FIELDS,
                status));
    }

    @Error(exception = RegistryException.class)
    public HttpResponse<?> refused(HttpRequest<?> request, RegistryException exception) {
        return pages.errorPage(request, exception);
    }

    private HttpResponse<?> budgetPage(HttpRequest<?> request, Caller caller, Map<String, String> form,
                                       List<FieldError> errors, HttpStatus code) {
        FormInput filter = FormInput.fromQuery(request);
        Integer year = filter.year("year");
        FundingSource source = filter.choice("fundingSource", FundingSource.class);
        List<FieldError> shown = new ArrayList<>(filter.errors);
        shown.addAll(errors);
        BudgetStatusFilter chosen = filter.hasErrors() ? new BudgetStatusFilter(null, null)
                : new BudgetStatusFilter(year, source);
        BudgetStatus status = statuses.status(caller, chosen);
        Map<String, Object> model = pages.model(request);
        // the language switch of a refused form leads to the page, not to the form's address
        model.put("path", PATH);
        model.put("status", status);
        model.put("charts", charts(request, status));
        model.put("envelopes", envelopes.list(caller, chosen.year(), chosen.fundingSource()));
        model.put("filter", filter.values());
        model.put("query", filter.queryString("year", "fundingSource"));
        model.put("sources", FundingSource.values());
        model.put("maySet", caller.hasRole(Role.FINANCE));
        model.put("form", form);
        // a refused envelope form has its summary above the form, a refused filter above the filters
        model.put("failed", !errors.isEmpty());
        model.put("done", filter.text("done") == null ? "" : filter.text("done"));
        pages.putErrors(request, model, shown, ENVELOPE_FIELDS);
        return pages.page(code, "budget", model);
    }

    /** One chart per funding source: for each year its envelope (where one is set), what is committed and what is paid. */
    private Map<FundingSource, BarChart> charts(HttpRequest<?> request, BudgetStatus status) {
        Map<FundingSource, List<BarChart.Entry>> bySource = new LinkedHashMap<>();
        for (BudgetStatusLine line : status.rows()) {
            List<BarChart.Entry> entries = bySource.computeIfAbsent(line.fundingSource(), source -> new ArrayList<>());
            String year = String.valueOf(line.year());
            if (line.envelope() != null) {
                entries.add(new BarChart.Entry(pages.text(request, "budget.bar.envelope", year), line.envelope(),
                        "bar-envelope"));
            }
            entries.add(new BarChart.Entry(pages.text(request, "budget.bar.committed", year), line.committed(),
                    "bar-committed"));
            entries.add(new BarChart.Entry(pages.text(request, "budget.bar.paid", year), line.paid(), "bar-paid"));
        }
        Map<FundingSource, BarChart> charts = new LinkedHashMap<>();
        bySource.forEach((source, entries) -> charts.put(source, BarChart.of(entries)));
        return charts;
    }

    /** The envelope's source and year are its address: the form must name them. */
    private static <T> @Nullable T required(FormInput input, String field, @Nullable T value) {
        if (value == null && input.errors.stream().noneMatch(error -> error.field().equals(field))) {
            input.errors.add(new FieldError(field, RuleCode.REQUIRED));
        }
        return value;
    }
}
