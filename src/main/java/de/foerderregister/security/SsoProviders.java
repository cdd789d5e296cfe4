package de.foerderregister.security;

import io.micronaut.context.BeanContext;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.security.oauth2.client.OpenIdProviderMetadata;
import io.micronaut.security.oauth2.configuration.OauthClientConfiguration;
import io.micronaut.security.oauth2.configuration.OpenIdClientConfiguration;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URL;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured identity providers, each its registry settings ({@link SsoProvider}) together with its OpenID
 * client of the same name, known by the issuer its tokens name. Refuses to start when the two halves do not match:
 * a provider without a client (or an issuer) could sign nobody in, a client without registry settings would sign
 * people in with no rule for their role; and when a provider limited to some states could grant a federal role.
 */
@Singleton
public class SsoProviders {

    /** One provider: its registry settings, its client id and its issuer exactly as its tokens write it. */
    public record Provider(SsoProvider settings, String clientId, String issuer) {

        public String name() {
            return settings.name();
        }
    }

    private final Map<String, Provider> byIssuer = new LinkedHashMap<>();
    private final Map<String, Provider> byName = new LinkedHashMap<>();
    private final BeanContext beans;

    public SsoProviders(Collection<SsoProvider> settings, Collection<OauthClientConfiguration> clients, BeanContext beans) {
        this.beans = beans;
        Map<String, OauthClientConfiguration> clientsByName = new LinkedHashMap<>();
        clients.stream().filter(OauthClientConfiguration::isEnabled).forEach(client -> clientsByName.put(client.getName(), client));
        for (SsoProvider provider : settings) {
            OauthClientConfiguration client = clientsByName.remove(provider.name());
            URL issuer = client == null ? null
                    : client.getOpenid().flatMap(OpenIdClientConfiguration::getIssuer).orElse(null);
            if (issuer == null) {
                throw new ConfigurationException("registry.sso.providers." + provider.name() + " needs its client:"
                        + " micronaut.security.oauth2.clients." + provider.name() + ".client-id, .client-secret and .openid.issuer");
            }
            if (provider.audience() == null || provider.audience().isBlank()) {
                throw new ConfigurationException("registry.sso.providers." + provider.name() + ".audience is required: the"
                        + " audience the provider's access tokens name for the registry's API");
            }
            if (provider.states() != null && !provider.states().isEmpty()
                    && !(provider.valuesOf(Role.FITKO).isEmpty() && provider.valuesOf(Role.FINANCE).isEmpty())) {
                // a state ministry's provider vouches for its own people; it must not be able to make anyone federal staff
                throw new ConfigurationException("registry.sso.providers." + provider.name() + " may vouch for the states "
                        + provider.states() + " only, so it cannot make anyone FITKO or FINANCE: remove its fitko-values"
                        + " and finance-values, or its states");
            }
            Provider joined = new Provider(provider, client.getClientId(), issuer.toString());
            if (byIssuer.put(joined.issuer(), joined) != null) {
                throw new ConfigurationException("two providers have the issuer " + joined.issuer());
            }
            byName.put(provider.name(), joined);
        }
        if (!clientsByName.isEmpty()) {
            throw new ConfigurationException("the OAuth 2.0 clients " + clientsByName.keySet() + " have no registry.sso.providers"
                    + " settings: which role their users get would be undefined");
        }
    }

    public List<Provider> all() {
        return List.copyOf(byName.values());
    }

    public boolean any() {
        return !byName.isEmpty();
    }

    /** The provider whose tokens name exactly this issuer. */
    public Optional<Provider> byIssuer(@Nullable Object issuer) {
        return issuer instanceof String name ? Optional.ofNullable(byIssuer.get(name)) : Optional.empty();
    }

    public Optional<Provider> byName(@Nullable String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /** The origins (scheme, host, port) of the providers' issuers, where a logout continues to. */
    public List<String> origins() {
        return byName.values().stream().map(provider -> {
            URI issuer = URI.create(provider.issuer());
            return issuer.getScheme() + "://" + issuer.getRawAuthority();
        }).distinct().toList();
    }

    /**
     * The provider's end-session endpoint (RP-initiated logout) as its discovery document names it; empty if it has
     * none. Read from the metadata Micronaut fetched for the sign-in.
     */
    public Optional<String> endSessionEndpoint(Provider provider) {
        return beans.findBean(OpenIdProviderMetadata.class, Qualifiers.byName(provider.name()))
                .map(OpenIdProviderMetadata::getEndSessionEndpoint).filter(endpoint -> !endpoint.isBlank());
    }
}
