package de.foerderregister.web;

import de.foerderregister.problem.RegistryException;
import de.foerderregister.security.Caller;
import de.foerderregister.security.LocalLogin;
import de.foerderregister.security.PasswordLogin;
import de.foerderregister.security.UserService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
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

import java.util.Map;
import java.util.Optional;

/** Login and logout of the pages, and the start page that leads each role to its work. */
@Controller("/ui")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class LoginPage {

    static final String PATH = "/ui/login";

    private final PasswordLogin<Object> passwords;
    private final UiSession session;
    private final UiPages pages;
    private final UserService users;
    private final SsoPages sso;

    public LoginPage(PasswordLogin<Object> passwords, UiSession session, UiPages pages, UserService users, SsoPages sso) {
        this.passwords = passwords;
        this.session = session;
        this.pages = pages;
        this.users = users;
        this.sso = sso;
    }

    @Get("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> form(HttpRequest<?> request) {
        Map<String, Object> model = loginModel(request);
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
        Optional<MutableHttpResponse<?>> signedIn = answer.getAuthentication().filter(any -> answer.isAuthenticated())
                .flatMap(authentication -> session.signIn(request, authentication));
        if (signedIn.isEmpty()) {
            Map<String, Object> model = loginModel(request);
            model.put("username", username);
            model.put("failed", true);
            return pages.page(HttpStatus.UNAUTHORIZED, "login", model);
        }
        return signedIn.get();
    }

    /** The page's model with the identity providers' buttons and whether the form is for administrators only. */
    private Map<String, Object> loginModel(HttpRequest<?> request) {
        Map<String, Object> model = pages.model(request);
        model.put("providers", sso.buttons());
        model.put("adminOnly", passwords.localLogin() == LocalLogin.ADMIN_ONLY);
        return model;
    }

    /**
     * Open to anyone, so an expired session can still log out. A valid session is ended for good:
     * every token of the account issued before fails from now on, not only this cookie. A user who
     * signed in through an identity provider is then sent on to the provider's logout, which ends the
     * session there too and leads back to the login page.
     */
    @Post("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> logout(HttpRequest<?> request, @Nullable @Body Map<String, Object> form) {
        UiCookies.verify(request, new FormInput(form).text(UiCookies.CSRF_FIELD));
        Optional<String> user = request.getUserPrincipal(Authentication.class).map(Authentication::getName);
        Optional<String> provider = user.flatMap(users::endSessions);
        String next = provider.flatMap(sso::logoutAt).orElse(PATH + "?loggedOut=true");
        return session.close(request, UiPages.redirect(next));
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
