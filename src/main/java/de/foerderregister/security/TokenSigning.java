package de.foerderregister.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.foerderregister.system.KeyFile;
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
import java.nio.file.Path;
import java.util.Optional;

/**
 * Signs and verifies access tokens with HS256. Without a signature, Micronaut Security would
 * issue and accept unsigned tokens; so there is always a key: REGISTRY_JWT_SECRET, or a random
 * one generated on the first start into {@value #KEY_FILE} in the registry home. The key is never
 * kept in the database: whoever can read the database could otherwise sign a token for anyone.
 * During a rotation, REGISTRY_JWT_PREVIOUS_SECRET still verifies (never signs) the old key's tokens.
 */
@Singleton
@Named("generator")
public class TokenSigning implements SignatureGeneratorConfiguration {

    static final String KEY_FILE = "jwt.key";
    private static final Logger LOG = LoggerFactory.getLogger(TokenSigning.class);
    private static final int MIN_SECRET_BYTES = 32;

    private final SecretSignature signature;
    private final Optional<SecretSignature> previous;

    public TokenSigning(@Nullable @Value("${registry.jwt.secret:}") String configured,
                        @Nullable @Value("${registry.jwt.previous-secret:}") String previousSecret,
                        @Value("${registry.home}") Path home) {
        if (configured == null || configured.isBlank()) {
            LOG.info("Access tokens are signed with the key in {}: instances sharing a database need the same key"
                    + " (set REGISTRY_JWT_SECRET for all of them, or share the file)", home.resolve(KEY_FILE));
        }
        this.signature = signature(new KeyFile(home.resolve(KEY_FILE)).secret(configured),
                "REGISTRY_JWT_SECRET (or else " + home.resolve(KEY_FILE) + ")");
        this.previous = previousSecret == null || previousSecret.isBlank()
                ? Optional.empty() : Optional.of(signature(previousSecret, "REGISTRY_JWT_PREVIOUS_SECRET"));
    }

    private static SecretSignature signature(String secret, String name) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new ConfigurationException(name + " must be at least " + MIN_SECRET_BYTES + " bytes long");
        }
        SecretSignatureConfiguration config = new SecretSignatureConfiguration("generator");
        config.setSecret(secret);
        return new SecretSignature(config);
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
        return signature.verify(jwt) || (previous.isPresent() && previous.get().verify(jwt));
    }
}
