package de.foerderregister.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.security.token.jwt.nimbus.ReactiveJwksSignature;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenSignatureValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.text.ParseException;

/**
 * Binds each token's signature to its issuer. Micronaut accepts a token that any configured key verifies; with
 * several identity providers that would let one provider (a state ministry's) sign a token in another's name, or in
 * the registry's own ({@code iss: foerderregister}, any account, any role). So a token naming the registry is
 * verified with the registry's key only, a token naming a provider with that provider's published keys (JWKS)
 * only, and a token naming anyone else is refused.
 */
@Singleton
@Replaces(ReactiveJsonWebTokenSignatureValidator.class)
public class IssuerBoundSignatures implements ReactiveJsonWebTokenSignatureValidator<SignedJWT> {

    private final TokenSigning registryKey;
    private final SsoProviders providers;
    private final BeanContext beans;
    private final String issuer;

    public IssuerBoundSignatures(TokenSigning registryKey, SsoProviders providers, BeanContext beans,
                                 @Value("${registry.jwt.issuer}") String issuer) {
        this.registryKey = registryKey;
        this.providers = providers;
        this.beans = beans;
        this.issuer = issuer;
    }

    @Override
    public Publisher<Boolean> validateSignature(SignedJWT token) {
        Object named;
        try {
            named = token.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            return Mono.just(false);
        }
        if (issuer.equals(named)) {
            try {
                return Mono.just(registryKey.verify(token));
            } catch (JOSEException e) {
                return Mono.just(false);
            }
        }
        return providers.byIssuer(named)
                .map(provider -> Mono.from(beans.getBean(ReactiveJwksSignature.class, Qualifiers.byName(provider.name()))
                        .verify(token)).defaultIfEmpty(false))
                .orElseGet(() -> Mono.just(false));
    }
}
