package de.foerderregister.web;

import de.foerderregister.problem.RegistryException;
import de.foerderregister.security.Caller;
import de.foerderregister.security.PasswordLogin;
import de.foerderregister.security.UserService;
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
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import io.micronaut.security.token.generator.TokenGenerator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Login and logout of the pages, and the start page that leads each role to its work. */
@Controller("/ui")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class LoginPage {

    static final String PATH = "/ui/login";

    private final PasswordLogin<Object> passwords;
    private final TokenGenerator tokens;
    private final UiSession session;
    private final UiPages pages;
    private final AccessTokenConfiguration tokenLifetime;
    private final UserService users;

    public LoginPage(PasswordLogin<Object> passwords, TokenGenerator tokens, UiSession session, UiPages pages,
                     AccessTokenConfiguration tokenLifetime, UserService users) {
        this.passwords = passwords;
        this.tokens = tokens;
        this.session = session;
        this.pages = pages;
        this.tokenLifetime = tokenLifetime;
        this.users = users;
    }

    @Get("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> form(HttpRequest<?> request) {
        Map<String, Object> model = pages.model(request);
        model.put("username", "");
        model.put("loggedOut", request.getParameters().contains("loggedOut"));
        return pages.page("login", model);
    }

    @Post("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> login(HttpRequest<?> request, @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        String username = Optional.ofNullable(input.text("username")).orElse("").strip();
        @SuppressWarnings("unchecked")
        AuthenticationResponse answer = passwords.authenticate((HttpRequest<Object>) request,
                new UsernamePasswordCredentials(username, Optional.ofNullable(input.values().get("password")).orElse("")));
        Optional<String> token = answer.getAuthentication().filter(any -> answer.isAuthenticated())
                .flatMap(authentication -> tokens.generateToken(authentication, tokenLifetime.getExpiration()));
        if (token.isEmpty()) {
            Map<String, Object> model = pages.model(request);
            model.put("username", username);
            model.put("failed", true);
            return pages.page(HttpStatus.UNAUTHORIZED, "login", model);
        }
        return session.open(request, UiPages.redirect("/ui"), token.get());
    }

    /**
     * Open to anyone, so an expired session can still log out. A valid session is ended for good:
     * every token of the account issued before fails from now on, not only this cookie.
     */
    @Post("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> logout(HttpRequest<?> request, @Nullable @Body Map<String, Object> form) {
        UiCookies.verify(request, new FormInput(form).text(UiCookies.CSRF_FIELD));
        request.getUserPrincipal(Authentication.class).ifPresent(user -> users.endSessions(user.getName()));
        return session.close(request, UiPages.redirect(PATH + "?loggedOut=true"));
    }

    /** The start page: each role's main list. */
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<?> start(Caller caller) {
        return switch (caller.role()) {
            case STATE -> UiPages.redirect(ApplicationPages.PATH);
            case FITKO -> UiPages.redirect(DecisionPages.QUEUE);
            case FINANCE -> UiPages.redirect(ReportPages.PATH);
            case ADMIN -> UiPages.redirect(UserPages.PATH);
        };
    }

    @Error(exception = RegistryException.class)
    public HttpResponse<?> refused(HttpRequest<?> request, RegistryException exception) {
        return pages.errorPage(request, exception);
    }

}
