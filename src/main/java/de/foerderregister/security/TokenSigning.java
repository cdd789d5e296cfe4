package de.foerderregister.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * Signs and verifies access tokens with HS256. Without a signature, Micronaut Security would
 * issue and accept unsigned tokens; so there is always a key: REGISTRY_JWT_SECRET, or a random
 * secret generated on the first start and kept in the database, shared by every instance.
 */
@Singleton
@Named("generator")
public class TokenSigning implements SignatureGeneratorConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(TokenSigning.class);
    private static final String SECRET_NAME = "jwt-signing";
    private static final int MIN_SECRET_BYTES = 32;

    private final SecretSignature signature;

    public TokenSigning(@Nullable @Value("${registry.jwt.secret:}") String configured,
                        RegistrySecretRepository secrets, Clock clock) {
        SecretSignatureConfiguration config = new SecretSignatureConfiguration("generator");
        if (configured != null && !configured.isBlank()) {
            if (configured.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
                throw new ConfigurationException("REGISTRY_JWT_SECRET must be at least " + MIN_SECRET_BYTES + " bytes long");
            }
            config.setSecret(configured);
        } else {
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            secrets.offer(SECRET_NAME, Base64.getEncoder().encodeToString(random), clock.instant());
            config.setSecret(secrets.findById(SECRET_NAME).orElseThrow().secret());
            config.setBase64(true);
            LOG.info("Access tokens are signed with the key kept in the database (REGISTRY_JWT_SECRET chooses one)");
        }
        this.signature = new SecretSignature(config);
    }

    @Override
    public SignedJWT sign(JWTClaimsSet claims) throws JOSEException {
        return signature.sign(claims);
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return signature.supportedAlgorithmsMessage();
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return signature.supports(algorithm);
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        return signature.verify(jwt);
    }
}
