package de.foerderregister.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The CSRF token of a form: HMAC-SHA-256 of the session it belongs to, so that only a page of that
 * very session can have it. A signed-in browser's token is bound to its session token (the cookie's
 * value); before login, to a random pre-session id in its own cookie, which login and logout replace.
 * A cookie and field an attacker sets (cookie tossing) no longer fit together: the field would have
 * to be the HMAC of the cookie, and the key never leaves the server.
 *
 * <p>The key is derived from the access tokens' signing key, by signing a fixed label with it
 * (HS256 is a deterministic HMAC): every instance that accepts the same sessions derives the same
 * key, wherever the signing key is kept, and a new signing key — which ends every session — also
 * ends every form.
 */
@Singleton
public class CsrfTokens {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public CsrfTokens(SignatureGeneratorConfiguration signing) {
        try {
            JWTClaimsSet label = new JWTClaimsSet.Builder().claim("purpose", "foerderregister ui csrf key").build();
            byte[] derived = MessageDigest.getInstance("SHA-256")
                    .digest(signing.sign(label).getSignature().decode());
            this.key = new SecretKeySpec(derived, ALGORITHM);
        } catch (JOSEException | GeneralSecurityException e) {
            throw new ConfigurationException("cannot derive the CSRF key from the token signing key", e);
        }
    }

    /** The token of a signed-in browser, from its session token. */
    String forSession(String sessionToken) {
        return mac("session\n" + sessionToken);
    }

    /** The token of a browser that is not signed in yet, from its pre-session id. */
    String forPreSession(String preSessionId) {
        return mac("pre-session\n" + preSessionId);
    }

    /** Compares in constant time: the comparison tells nothing about how much of a guess was right. */
    static boolean matches(String expected, String submitted) {
        return submitted != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }

    private String mac(String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
