package de.foerderregister.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** bcrypt, salted per password; the cost is configurable so tests need not pay production's. */
@Singleton
public class PasswordHasher {

    private final BCryptPasswordEncoder bcrypt;
    /** Compared against when the user does not exist, so both cases take the same time. */
    private final String decoy;

    public PasswordHasher(@Value("${registry.password.bcrypt-cost:12}") int cost) {
        this.bcrypt = new BCryptPasswordEncoder(BCryptPasswordEncoder.BCryptVersion.$2B, cost);
        this.decoy = bcrypt.encode("decoy password that matches nobody");
    }

    public String hash(String password) {
        return bcrypt.encode(password);
    }

    public boolean matches(String password, String hash) {
        return bcrypt.matches(password, hash);
    }

    public void wasteEqualTime(String password) {
        bcrypt.matches(password, decoy);
    }
}
