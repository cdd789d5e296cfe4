package de.foerderregister.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * A page without a valid session sends the browser to the login page (303); the API keeps its
 * plain 401 and 403 answers.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class UiAuthorizationHandler extends DefaultAuthorizationExceptionHandler {

    private final UiPages pages;

    public UiAuthorizationHandler(ErrorResponseProcessor<?> errorResponseProcessor,
                                  RedirectConfiguration redirectConfiguration, RedirectService redirectService,
                                  List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challengeProviders,
                                  @Nullable PriorToLoginPersistence priorToLoginPersistence, UiPages pages) {
        super(errorResponseProcessor, redirectConfiguration, redirectService, challengeProviders, priorToLoginPersistence);
        this.pages = pages;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (!UiSession.isUi(request)) {
            return super.handle(request, exception);
        }
        if (!exception.isForbidden()) {
            return UiPages.redirect(LoginPage.PATH);
        }
        Map<String, Object> model = pages.model(request);
        model.put("status", 403);
        model.put("title", pages.text(request, "errorPage.403.title"));
        model.put("detail", pages.text(request, "errorPage.403.detail"));
        model.put("technical", "");
        return HttpResponse.status(HttpStatus.FORBIDDEN).body(new ModelAndView<>("error", model));
    }
}
