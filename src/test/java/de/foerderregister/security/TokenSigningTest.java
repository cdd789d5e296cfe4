package de.foerderregister.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the token key comes from, and a rotation: the new key signs, the previous one still verifies. */
class TokenSigningTest {

    private static final String OLD = "the old key, at least thirty-two bytes long";
    private static final String NEW = "the new key, at least thirty-two bytes long too";

    @TempDir
    Path home;

    @Test
    void withoutAConfiguredSecretAKeyFileIsGeneratedOnceAndKept() throws Exception {
        TokenSigning first = new TokenSigning("", "", home);
        String key = Files.readString(home.resolve(TokenSigning.KEY_FILE)).strip();
        assertEquals(64, key.length());
        TokenSigning restarted = new TokenSigning(null, null, home);

        assertEquals(key, Files.readString(home.resolve(TokenSigning.KEY_FILE)).strip());
        assertTrue(restarted.verify(first.sign(claims())), "the same key after a restart");
        assertTrue(new TokenSigning(null, null, home).verify(signed(key)));
    }

    @Test
    void aConfiguredSecretSignsAndNoFileIsWritten() throws Exception {
        TokenSigning signing = new TokenSigning(NEW, null, home);

        assertTrue(signing.verify(signed(NEW)));
        assertFalse(Files.exists(home.resolve(TokenSigning.KEY_FILE)));
    }

    @Test
    void duringARotationThePreviousKeyStillVerifiesButNeverSigns() throws Exception {
        TokenSigning rotating = new TokenSigning(NEW, OLD, home);

        assertTrue(rotating.verify(signed(OLD)), "tokens issued before the rotation stay valid until they expire");
        assertTrue(new TokenSigning(NEW, null, home).verify(rotating.sign(claims())), "new tokens carry the new key");
        assertFalse(new TokenSigning(OLD, null, home).verify(rotating.sign(claims())));
        assertFalse(new TokenSigning(NEW, null, home).verify(signed(OLD)), "once the rotation is over, the old key's tokens are refused");
        assertFalse(rotating.verify(signed("a third key that was never configured anywhere")));
    }

    @Test
    void shortSecretsAreRefusedAtStart() {
        assertThrows(ConfigurationException.class, () -> new TokenSigning("too short", null, home));
        assertThrows(ConfigurationException.class, () -> new TokenSigning(NEW, "too short", home));
    }

    @Test
    void twoHomesGetDifferentKeys(@TempDir Path other) throws Exception {
        new TokenSigning(null, null, home);
        new TokenSigning(null, null, other);

        assertNotEquals(Files.readString(home.resolve(TokenSigning.KEY_FILE)), Files.readString(other.resolve(TokenSigning.KEY_FILE)));
    }

    private static SignedJWT signed(String key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims());
        jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
        return jwt;
    }

    private static JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder().subject("fitko").claim("roles", java.util.List.of("FITKO")).build();
    }
}
