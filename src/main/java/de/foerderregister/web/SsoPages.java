package de.foerderregister.web;

import de.foerderregister.security.SsoProviders;
import de.foerderregister.security.SsoRefusal;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import io.micronaut.security.oauth2.url.OauthRouteUrlBuilder;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the pages show of single sign-on: one button per identity provider on the login page, the page a refused
 * sign-in ends on (German or English, naming why), and where a logout continues to at the provider. Without
 * providers configured there are no buttons and logout stays in the registry.
 */
@Singleton
public class SsoPages {

    /** A provider's button: its label and the address that starts its sign-in. */
    public record Button(String name, String label, String href) {
    }

    private final SsoProviders providers;
    private final OauthRouteUrlBuilder<?> routes;
    private final UiPages pages;
    private final String publicUrl;

    public SsoPages(SsoProviders providers, OauthRouteUrlBuilder<?> routes, UiPages pages,
                    @Value("${registry.public-url}") String publicUrl) {
        this.providers = providers;
        this.routes = routes;
        this.pages = pages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    List<Button> buttons() {
        return providers.all().stream().map(provider -> new Button(provider.name(), provider.settings().buttonLabel(),
                routes.buildLoginUri(provider.name()).getPath())).toList();
    }

    /**
     * The provider's end-session endpoint (OpenID Connect RP-Initiated Logout) with the registry's client and the
     * way back to the login page; empty when the provider is no longer configured or publishes no such endpoint.
     */
    Optional<String> logoutAt(String providerName) {
        return providers.byName(providerName).flatMap(provider -> providers.endSessionEndpoint(provider)
                .map(endpoint -> endpoint + (endpoint.contains("?") ? "&" : "?")
                        + "client_id=" + encode(provider.clientId())
                        + "&post_logout_redirect_uri=" + encode(publicUrl + LoginPage.PATH + "?loggedOut=true")));
    }

    /** The page of a refused sign-in: 403 with the reason's text ({@code sso.refused.<code>}). */
    MutableHttpResponse<?> refused(HttpRequest<?> request, SsoRefusal refusal) {
        Map<String, Object> model = pages.model(request);
        model.put("status", 403);
        model.put("title", pages.text(request, "sso.refused.title"));
        model.put("detail", pages.text(request, "sso.refused." + refusal.code()));
        model.put("technical", "");
        // the page stands at the callback's address: its language link must not send the used code again, and
        // the way on from a refusal is the login page anyway
        model.put("path", LoginPage.PATH);
        return HttpResponse.status(HttpStatus.FORBIDDEN).body(new ModelAndView<>("error", model));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
