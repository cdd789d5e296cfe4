package de.foerderregister.web;

import de.foerderregister.security.SsoRefusal;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.client.OauthClient;
import io.micronaut.security.oauth2.routes.OauthController;
import io.micronaut.security.rules.SecurityRule;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.Map;

/**
 * The sign-in through one identity provider ({@code /ui/sso/login/<provider>} and its callback). Micronaut's OpenID
 * client does the protocol: the redirect with state, nonce and PKCE (S256), the code exchange and the ID token's
 * checks; {@link de.foerderregister.security.SsoSignIn} maps the claims to the local account. This then opens the
 * registry's own session exactly as the password login does (same cookie, same token, same session generation), so
 * everything after it (CSRF, the role and state checks, logout, ending sessions) is one path for both. A refusal,
 * or a provider's answer that cannot be used, ends on a page that says why.
 */
@EachBean(OauthClient.class)
@Secured(SecurityRule.IS_ANONYMOUS)
public class SsoCallback implements OauthController {

    private static final Logger LOG = LoggerFactory.getLogger(SsoCallback.class);

    private final OauthClient client;
    private final UiSession session;
    private final SsoPages pages;

    public SsoCallback(@Parameter OauthClient client, UiSession session, SsoPages pages) {
        this.client = client;
        this.session = session;
        this.pages = pages;
    }

    @Override
    public OauthClient getClient() {
        return client;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> login(HttpRequest<?> request) {
        return client.authorizationRedirect(request);
    }

    @Override
    public Publisher<MutableHttpResponse<?>> callback(HttpRequest<Map<String, Object>> request) {
        return Mono.defer(() -> Mono.from(client.onCallback(request)))
                .<MutableHttpResponse<?>>map(answer -> signedIn(request, answer))
                .onErrorResume(error -> {
                    LOG.info("A sign-in through the identity provider '{}' failed: {}", client.getName(), error.toString());
                    return Mono.just(pages.refused(request, SsoRefusal.FAILED));
                })
                .defaultIfEmpty(pages.refused(request, SsoRefusal.FAILED));
    }

    private MutableHttpResponse<?> signedIn(HttpRequest<?> request, AuthenticationResponse answer) {
        if (!answer.isAuthenticated() || answer.getAuthentication().isEmpty()) {
            String message = answer.getMessage().orElse("");
            SsoRefusal refusal = Arrays.stream(SsoRefusal.values()).filter(known -> known.code().equals(message))
                    .findFirst().orElse(SsoRefusal.FAILED);
            return pages.refused(request, refusal);
        }
        return session.signIn(request, answer.getAuthentication().get())
                .orElseGet(() -> pages.refused(request, SsoRefusal.FAILED));
    }
}
