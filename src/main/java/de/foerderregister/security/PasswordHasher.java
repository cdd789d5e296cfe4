package de.foerderregister.security;

import de.foerderregister.system.Sha256;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * bcrypt, salted per password; the cost is configurable so tests need not pay production's.
 * bcrypt reads at most 72 bytes, so new hashes are taken over the password's SHA-256 (64 hex
 * digits) and marked as such: passwords up to 128 characters count in full. Hashes written before
 * carry no mark and are still checked as they were made.
 */
@Singleton
public class PasswordHasher {

    private static final String PREHASHED = "{sha256}";

    private final BCryptPasswordEncoder bcrypt;
    /** Compared against when the user does not exist or is disabled, so every refusal takes the same time. */
    private final String decoy;

    public PasswordHasher(@Value("${registry.password.bcrypt-cost:12}") int cost) {
        this.bcrypt = new BCryptPasswordEncoder(BCryptPasswordEncoder.BCryptVersion.$2B, cost);
        this.decoy = hash("decoy password that matches nobody");
    }

    public String hash(String password) {
        return PREHASHED + bcrypt.encode(Sha256.hex(password));
    }

    public boolean matches(String password, String hash) {
        if (hash.startsWith(PREHASHED)) {
            return bcrypt.matches(Sha256.hex(password), hash.substring(PREHASHED.length()));
        }
        return bcrypt.matches(password, hash);
    }

    public void wasteEqualTime(String password) {
        matches(password, decoy);
    }
}
