package de.foerderregister.security;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two identity providers on one real OpenID Connect server (mock-oauth2-server, on a free port), as the registry
 * meets them: {@value #FITKO}, FITKO's own, whose groups name all three roles and whose users name their state in a
 * claim; and {@value #NW}, a state ministry's, whose staff are STATE users of NW only. Each issuer signs with its
 * own key.
 */
public final class TestProviders implements AutoCloseable {

    public static final String FITKO = "fitko";
    public static final String NW = "nw";
    public static final String CLIENT_ID = "foerderregister";
    public static final String AUDIENCE = "foerderregister-api";
    public static final String STATE_GROUP = "/foerderregister/land";
    public static final String FITKO_GROUP = "/foerderregister/fitko";
    public static final String FINANCE_GROUP = "/foerderregister/finanzen";
    public static final String NW_GROUP = "foerderregister";

    public final MockOAuth2Server server;

    public TestProviders(boolean interactiveLogin) {
        server = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\": " + interactiveLogin + "}"));
        server.start();
    }

    /** The registry's settings for both providers. */
    public Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        for (String name : List.of(FITKO, NW)) {
            properties.put("micronaut.security.oauth2.clients." + name + ".client-id", CLIENT_ID);
            properties.put("micronaut.security.oauth2.clients." + name + ".client-secret", "secret-of-" + name);
            properties.put("micronaut.security.oauth2.clients." + name + ".openid.issuer", issuer(name));
            properties.put("registry.sso.providers." + name + ".audience", AUDIENCE);
        }
        properties.put("registry.sso.providers.fitko.label", "FITKO");
        properties.put("registry.sso.providers.fitko.state-values", STATE_GROUP);
        properties.put("registry.sso.providers.fitko.fitko-values", FITKO_GROUP);
        properties.put("registry.sso.providers.fitko.finance-values", FINANCE_GROUP);
        properties.put("registry.sso.providers.fitko.state-claim", "state");
        properties.put("registry.sso.providers.nw.label", "Ministerium NRW");
        properties.put("registry.sso.providers.nw.state-values", NW_GROUP);
        properties.put("registry.sso.providers.nw.states", "NW");
        return properties;
    }

    public String issuer(String name) {
        return server.issuerUrl(name).toString();
    }

    /** An access token of the provider for the registry's API: the subject, its groups and further claims. */
    public String token(String provider, String subject, List<String> groups, Map<String, Object> claims) {
        return token(provider, subject, List.of(AUDIENCE), groups, claims, 3600);
    }

    public String token(String provider, String subject, List<String> audience, List<String> groups, Map<String, Object> claims,
                        long expirySeconds) {
        Map<String, Object> all = new HashMap<>(claims);
        all.put("groups", groups);
        all.putIfAbsent("preferred_username", subject);
        return server.issueToken(provider, CLIENT_ID,
                new DefaultOAuth2TokenCallback(provider, subject, "JWT", audience, all, expirySeconds)).serialize();
    }

    /** The claims the provider puts into the ID token of the next sign-in (non-interactive server). */
    public void nextSignIn(String provider, String subject, List<String> groups, Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        all.put("groups", groups);
        all.putIfAbsent("preferred_username", subject);
        server.enqueueCallback(new DefaultOAuth2TokenCallback(provider, subject, "JWT", null, all, 3600));
    }

    /** The provider's published signing key (its JWKS), as anyone can read it. */
    public com.nimbusds.jose.jwk.RSAKey publishedKey(String provider) throws Exception {
        return com.nimbusds.jose.jwk.JWKSet.load(server.jwksUrl(provider).url()).getKeys().get(0).toRSAKey();
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
