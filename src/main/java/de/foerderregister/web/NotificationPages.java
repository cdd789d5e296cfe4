package de.foerderregister.web;

import de.foerderregister.notification.MailComposer;
import de.foerderregister.notification.NotificationKind;
import de.foerderregister.notification.NotificationPreferences;
import de.foerderregister.notification.NotificationPreferencesCommand;
import de.foerderregister.notification.NotificationPreferencesView;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.RegistryException;
import de.foerderregister.security.Caller;
import de.foerderregister.system.TrustedProxies;
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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every signed-in user's page of their own notifications: the address and language of their mails
 * and a box per kind their role receives. The rules and the audit are the API's
 * ({@link NotificationPreferences}); the mails link here ({@link MailComposer#SETTINGS_PATH}).
 */
@Controller(MailComposer.SETTINGS_PATH)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class NotificationPages {

    /** A box's name: {@code kind_OBLIGATION_DUE}, ticked when the user receives the kind. */
    private static final String KIND_FIELD = "kind_";

    private final NotificationPreferences preferences;
    private final TrustedProxies proxies;
    private final UiPages pages;

    public NotificationPages(NotificationPreferences preferences, TrustedProxies proxies, UiPages pages) {
        this.preferences = preferences;
        this.proxies = proxies;
        this.pages = pages;
    }

    @Get
    public HttpResponse<?> show(HttpRequest<?> request, Caller caller) {
        NotificationPreferencesView current = preferences.get(caller);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", current.email() == null ? "" : current.email());
        form.put("language", current.language());
        current.kinds().stream().filter(NotificationPreferencesView.KindSetting::enabled)
                .forEach(setting -> form.put(KIND_FIELD + setting.kind().name(), "on"));
        Map<String, Object> model = model(request, caller, form);
        model.put("saved", request.getParameters().contains("saved"));
        return pages.page("notifications", model);
    }

    /** An unticked box opts out of its kind; the current password goes to the service only, never back to the page. */
    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> change(HttpRequest<?> request, Caller caller, @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        List<String> optOuts = NotificationKind.of(caller.role()).stream()
                .filter(kind -> !input.checked(KIND_FIELD + kind.name())).map(Enum::name).toList();
        NotificationPreferencesCommand command = new NotificationPreferencesCommand(
                input.values().getOrDefault("email", ""), input.text("language"), optOuts,
                input.values().get("currentPassword"));
        return input.submit(() -> {
            preferences.change(caller, proxies.clientAddress(request).getHostAddress(), command);
            return UiPages.redirect(MailComposer.SETTINGS_PATH + "?saved");
        }, (errors, status) -> refused(request, caller, input, errors, status));
    }

    @Error(exception = RegistryException.class)
    public HttpResponse<?> refused(HttpRequest<?> request, RegistryException exception) {
        return pages.errorPage(request, exception);
    }

    private HttpResponse<?> refused(HttpRequest<?> request, Caller caller, FormInput input, List<FieldError> errors,
                                    HttpStatus status) {
        Map<String, String> typed = new LinkedHashMap<>(input.values());
        typed.remove("currentPassword");
        Map<String, Object> model = model(request, caller, typed);
        pages.putErrors(request, model, errors, Map.of());
        return pages.page(status, "notifications", model);
    }

    private Map<String, Object> model(HttpRequest<?> request, Caller caller, Map<String, String> form) {
        Map<String, Object> model = pages.model(request);
        model.put("form", form);
        model.put("kinds", NotificationKind.of(caller.role()));
        model.put("languages", List.of("de", "en"));
        model.put("saved", false);
        return model;
    }
}
