package de.foerderregister.web;

import de.foerderregister.application.AnnualPlanEntry;
import de.foerderregister.application.ApplicationCommand;
import de.foerderregister.application.ApplicationFilter;
import de.foerderregister.application.ApplicationPaging;
import de.foerderregister.application.ApplicationRules;
import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.ApplicationType;
import de.foerderregister.application.ApplicationView;
import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import de.foerderregister.application.Status;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.RegistryException;
import de.foerderregister.problem.RuleCode;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The applications: a state's list, the form to file and edit one, submit and withdraw with a
 * confirmation, and each application with its decisions, amendments and history. Every read and
 * write goes through {@link ApplicationService}, which applies the role and the state scope.
 */
@Controller(ApplicationPages.PATH)
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ApplicationPages {

    static final String PATH = "/ui/applications";
    static final int PAGE_SIZE = 20;
    static final List<String> SORTS = List.of("createdAt,desc", "reference,asc", "title,asc", "ownerState,asc",
            "status,asc", "startDate,asc", "requestedAmount,desc", "updatedAt,desc");
    private static final String[] FIELDS = {"title", "ownerState", "type", "fundingSource", "startDate", "endDate",
            "requestedAmount", "annualPlan", "notes"};

    private final ApplicationService applications;
    private final ApplicationDetail detail;
    private final UiPages pages;

    public ApplicationPages(ApplicationService applications, ApplicationDetail detail, UiPages pages) {
        this.applications = applications;
        this.detail = detail;
        this.pages = pages;
    }

    @Get
    public HttpResponse<?> list(HttpRequest<?> request, Caller caller,
                                @Nullable @QueryValue String status, @Nullable @QueryValue String ownerState,
                                @Nullable @QueryValue String q, @Nullable @QueryValue String sort,
                                @Nullable @QueryValue Integer page) {
        Status statusFilter = parse(Status.class, status);
        StateCode stateFilter = parse(StateCode.class, ownerState);
        String order = sort != null && SORTS.contains(sort) ? sort : SORTS.get(0);
        int pageNumber = page == null || page < 0 ? 0 : page;
        Page<ApplicationView> found = applications.list(caller,
                new ApplicationFilter(stateFilter, statusFilter, null, null, q),
                ApplicationPaging.of(pageNumber, PAGE_SIZE, order));
        Map<String, Object> model = pages.model(request);
        model.put("found", found);
        model.put("status", statusFilter == null ? "" : statusFilter.name());
        model.put("ownerState", stateFilter == null ? "" : stateFilter.name());
        model.put("q", q == null ? "" : q);
        model.put("sort", order);
        model.put("sorts", SORTS);
        model.put("statuses", Status.values());
        model.put("states", StateCode.values());
        model.put("pageNumber", pageNumber);
        model.put("pageCount", Math.max(1, found.getTotalPages()));
        model.put("query", "status=" + model.get("status") + "&ownerState=" + model.get("ownerState")
                + "&q=" + java.net.URLEncoder.encode(model.get("q").toString(), java.nio.charset.StandardCharsets.UTF_8)
                + "&sort=" + order);
        return pages.page("applications", model);
    }

    @Get("/new")
    public HttpResponse<?> newForm(HttpRequest<?> request, Caller caller) {
        caller.requireRole("create applications", Role.STATE, Role.FITKO);
        Map<String, String> form = new LinkedHashMap<>();
        caller.stateScope().ifPresent(state -> form.put("ownerState", state.name()));
        form.put("type", ApplicationType.REFERENCE_IMPLEMENTATION.name());
        form.put("fundingSource", FundingSource.DIGITALISATION_BUDGET.name());
        return formPage(request, caller, null, form, List.of(), HttpStatus.OK);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> create(HttpRequest<?> request, Caller caller, @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        ApplicationCommand command = command(input, caller);
        try {
            if (input.hasErrors()) {
                ApplicationRules.accept(command); // the other fields' rules, to show every problem at once
                throw new InvalidInput(List.of());
            }
            ApplicationView created = applications.create(caller, command);
            return UiPages.redirect(PATH + "/" + created.id() + "?done=created");
        } catch (InvalidInput refused) {
            return formPage(request, caller, null, input.values(), merge(input, refused), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @Get("/{id}")
    public HttpResponse<?> show(HttpRequest<?> request, Caller caller, @PathVariable long id, @Nullable @QueryValue String done) {
        Map<String, Object> model = detail.model(request, caller, id);
        model.put("done", done == null ? "" : done);
        return pages.page(ApplicationDetail.VIEW, model);
    }

    @Get("/{id}/edit")
    public HttpResponse<?> editForm(HttpRequest<?> request, Caller caller, @PathVariable long id) {
        ApplicationView application = applications.get(caller, id, null);
        caller.requireRole("change applications", Role.STATE, Role.FITKO);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", application.title());
        form.put("ownerState", application.ownerState().name());
        form.put("type", application.type().name());
        form.put("fundingSource", application.fundingSource().name());
        form.put("startDate", UiFormat.INSTANCE.date(application.startDate()));
        form.put("endDate", UiFormat.INSTANCE.date(application.endDate()));
        form.put("requestedAmount", UiFormat.INSTANCE.number(application.requestedAmount()));
        form.put("annualPlan", application.annualPlan().stream()
                .map(entry -> entry.year() + ": " + UiFormat.INSTANCE.number(entry.amount()))
                .collect(Collectors.joining("\n")));
        form.put("notes", application.notes() == null ? "" : application.notes());
        form.put("version", String.valueOf(application.version()));
        return formPage(request, caller, application, form, List.of(), HttpStatus.OK);
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> update(HttpRequest<?> request, Caller caller, @PathVariable long id, @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        ApplicationView current = applications.get(caller, id, null);
        ApplicationCommand command = command(input, caller);
        try {
            if (input.hasErrors()) {
                ApplicationRules.accept(command);
                throw new InvalidInput(List.of());
            }
            applications.update(caller, id, input.version(), command);
            return UiPages.redirect(PATH + "/" + id + "?done=updated");
        } catch (InvalidInput refused) {
            return formPage(request, caller, current, input.values(), merge(input, refused), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @Get("/{id}/submit")
    public HttpResponse<?> confirmSubmit(HttpRequest<?> request, Caller caller, @PathVariable long id) {
        return confirmation(request, caller, id, "submit");
    }

    @Post("/{id}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> submit(HttpRequest<?> request, Caller caller, @PathVariable long id, @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        applications.submit(caller, id, input.version());
        return UiPages.redirect(PATH + "/" + id + "?done=submitted");
    }

    @Get("/{id}/withdraw")
    public HttpResponse<?> confirmWithdraw(HttpRequest<?> request, Caller caller, @PathVariable long id) {
        return confirmation(request, caller, id, "withdraw");
    }

    @Post("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> withdraw(HttpRequest<?> request, Caller caller, @PathVariable long id, @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        applications.withdraw(caller, id, input.version());
        return UiPages.redirect(PATH + "/" + id + "?done=withdrawn");
    }

    @Error(exception = RegistryException.class)
    public HttpResponse<?> refused(HttpRequest<?> request, RegistryException exception) {
        return pages.errorPage(request, exception);
    }

    private HttpResponse<?> confirmation(HttpRequest<?> request, Caller caller, long id, String action) {
        ApplicationView application = applications.get(caller, id, null);
        caller.requireRole("change applications", Role.STATE, Role.FITKO);
        Map<String, Object> model = pages.model(request);
        model.put("a", application);
        model.put("action", action);
        return pages.page("confirm", model);
    }

    private HttpResponse<?> formPage(HttpRequest<?> request, Caller caller, @Nullable ApplicationView application,
                                     Map<String, String> form, List<FieldError> errors, HttpStatus status) {
        Map<String, Object> model = pages.model(request);
        model.put("a", application);
        model.put("form", form);
        model.put("states", caller.stateScope().map(List::of).orElse(List.of(StateCode.values())));
        model.put("types", ApplicationType.values());
        model.put("sources", FundingSource.values());
        pages.putErrors(request, model, errors, Map.of());
        return pages.page(status, "application-form", model);
    }

    /** The typed values as the service's command; a STATE user always files for their own state. */
    private static ApplicationCommand command(FormInput input, Caller caller) {
        StateCode state = caller.stateScope().orElseGet(() -> input.choice("ownerState", StateCode.class));
        return new ApplicationCommand(input.text("title"), state,
                input.choice("type", ApplicationType.class), input.choice("fundingSource", FundingSource.class),
                input.date("startDate"), input.date("endDate"), input.amount("requestedAmount"),
                plan(input), input.text("notes"));
    }

    /** The annual plan as typed: one {@code year: amount} per line. */
    private static @Nullable List<AnnualPlanEntry> plan(FormInput input) {
        String text = input.text("annualPlan");
        if (text == null) {
            return null;
        }
        List<AnnualPlanEntry> plan = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(":", 2);
            Integer year = null;
            try {
                year = Integer.valueOf(parts[0].strip());
            } catch (NumberFormatException e) {
                input.errors.add(new FieldError("annualPlan", RuleCode.FORM_PLAN_LINE));
            }
            BigDecimal amount = parts.length == 2 ? input.amount("annualPlan", parts[1]) : null;
            if (parts.length != 2) {
                input.errors.add(new FieldError("annualPlan", RuleCode.FORM_PLAN_LINE));
            }
            plan.add(new AnnualPlanEntry(year, amount));
        }
        return plan;
    }

    /** The form's own reading errors first; the rules' errors of a field that could not be read are left out. */
    private static List<FieldError> merge(FormInput input, InvalidInput refused) {
        List<FieldError> errors = new ArrayList<>(input.errors.stream().distinct().toList());
        List<String> unreadable = input.errors.stream().map(FieldError::field).toList();
        refused.errors().stream()
                .filter(error -> !unreadable.contains(UiPages.anchor(error.field())))
                .forEach(errors::add);
        // order the summary as the fields stand on the page
        List<String> order = List.of(FIELDS);
        errors.sort(java.util.Comparator.comparingInt(error -> {
            int at = order.indexOf(UiPages.anchor(error.field()));
            return at < 0 ? order.size() : at;
        }));
        return errors;
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
