package de.foerderregister.web;

import de.foerderregister.application.StateCode;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.RegistryException;
import de.foerderregister.security.Caller;
import de.foerderregister.security.PasswordResetCommand;
import de.foerderregister.security.Role;
import de.foerderregister.security.UserService;
import de.foerderregister.security.UserUpdateCommand;
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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrators' page of accounts: every account with its role, state, e-mail address, the
 * language of its mails and whether it is enabled, a form per account to change them and one to set a new password. The
 * rules and the audit are the API's ({@link UserService}).
 */
@Controller(UserPages.PATH)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class UserPages {

    static final String PATH = "/ui/admin/users";

    private final UserService users;
    private final UiPages pages;

    public UserPages(UserService users, UiPages pages) {
        this.users = users;
        this.pages = pages;
    }

    @Get
    public HttpResponse<?> list(HttpRequest<?> request, Caller caller) {
        return pages.page("users", model(request, caller));
    }

    @Post("/{username}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> change(HttpRequest<?> request, Caller caller, String username,
                                  @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        Role role = input.choice("role", Role.class);
        StateCode state = input.choice("state", StateCode.class);
        String email = input.values().getOrDefault("email", "");
        String language = input.text("language");
        if (input.hasErrors()) {
            return refused(request, caller, username, input.errors);
        }
        try {
            users.update(caller, username, new UserUpdateCommand(input.checked("enabled"), role, state, email,
                    language));
        } catch (InvalidInput invalid) {
            return refused(request, caller, username, invalid.errors());
        }
        return UiPages.redirect(PATH + "?saved=" + URLEncoder.encode(username, StandardCharsets.UTF_8));
    }

    @Post("/{username}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> resetPassword(HttpRequest<?> request, Caller caller, String username,
                                         @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        try {
            users.resetPassword(caller, username, new PasswordResetCommand(input.values().get("newPassword")));
        } catch (InvalidInput invalid) {
            return refused(request, caller, username, invalid.errors());
        }
        return UiPages.redirect(PATH + "?reset=" + URLEncoder.encode(username, StandardCharsets.UTF_8));
    }

    @Error(exception = RegistryException.class)
    public HttpResponse<?> refused(HttpRequest<?> request, RegistryException exception) {
        return pages.errorPage(request, exception);
    }

    /** The list again with the errors of one account's form above it; nothing typed is shown back (passwords). */
    private HttpResponse<?> refused(HttpRequest<?> request, Caller caller, String username, List<FieldError> errors) {
        Map<String, Object> model = model(request, caller);
        // the summary leads to the fields of the refused account's row
        Map<String, String> anchors = new HashMap<>();
        for (String field : List.of("role", "state", "email", "language", "enabled", "newPassword")) {
            anchors.put(field, field + "_" + username);
        }
        pages.putErrors(request, model, errors, anchors);
        model.put("refusedFor", username);
        return pages.page(HttpStatus.UNPROCESSABLE_ENTITY, "users", model);
    }

    private Map<String, Object> model(HttpRequest<?> request, Caller caller) {
        Map<String, Object> model = pages.model(request);
        model.put("users", users.list(caller));
        model.put("roles", Role.values());
        model.put("states", StateCode.values());
        model.put("languages", List.of("de", "en"));
        model.put("saved", request.getParameters().get("saved"));
        model.put("reset", request.getParameters().get("reset"));
        return model;
    }
}
