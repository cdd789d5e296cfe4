package de.foerderregister.security;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.ApplicationConfiguration;
import io.micronaut.security.token.claims.ClaimsAudienceProvider;
import io.micronaut.security.token.claims.JtiGenerator;
import io.micronaut.security.token.config.TokenConfiguration;
import io.micronaut.security.token.jwt.generator.claims.JWTClaimsSetGenerator;
import jakarta.inject.Singleton;

/** Tokens name this registry as their issuer ({@code registry.jwt.issuer}), which {@link SessionClaims} requires. */
@Singleton
@Replaces(JWTClaimsSetGenerator.class)
public class TokenIssuer extends JWTClaimsSetGenerator {

    private final String issuer;

    public TokenIssuer(TokenConfiguration tokenConfiguration, @Nullable JtiGenerator jwtIdGenerator,
                       @Nullable ClaimsAudienceProvider claimsAudienceProvider,
                       @Nullable ApplicationConfiguration applicationConfiguration,
                       @Value("${registry.jwt.issuer}") String issuer) {
        super(tokenConfiguration, jwtIdGenerator, claimsAudienceProvider, applicationConfiguration);
        this.issuer = issuer;
    }

    @Override
    protected void populateIss(JWTClaimsSet.Builder builder) {
        builder.issuer(issuer);
    }
}
