package de.foerderregister.security;

import de.foerderregister.TestApi;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Password spraying: one address trying one guess each on many usernames is held by the per-address limit. */
@MicronautTest(transactional = false)
@Property(name = "registry.login.max-failures-per-address", value = "8")
// the test stands in for a proxy: X-Forwarded-For gives each simulated client its own address
@Property(name = "registry.trusted-proxies", value = "127.0.0.1/32,::1/128")
class LoginAddressThrottleTest {

    @Inject
    TestApi api;

    @Inject
    UserService users;

    @Test
    void oneAddressSprayingManyUsernamesIsStoppedAtItsLimit() {
        // an address of its own in every run: the database, and so the address's count, outlives a run
        String sprayer = "2001:db8::" + Long.toHexString(new SecureRandom().nextLong() & 0xffff_ffffL).replaceAll("(....)$", ":$1");
        for (int i = 0; i < 8; i++) {
            assertEquals(401, login(api.unique("opfer"), "Sommer2024!", sprayer), "guess " + i);
        }
        // made directly: the tests' own logins come from 127.0.0.1, which this limit may already hold
        String victim = api.unique("t-finance");
        users.createAccount(new UserCommand(victim, TestApi.PASSWORD, Role.FINANCE, null));
        assertEquals(429, login(victim, TestApi.PASSWORD, sprayer), "the address is held, whatever it tries");
        assertEquals(200, login(victim, TestApi.PASSWORD, "198.51.100.200"), "other addresses are not");
    }

    private int login(String username, String password, String forwardedFor) {
        return api.send("POST", "/login", null, Map.of("username", username, "password", password),
                Map.of("X-Forwarded-For", forwardedFor)).status();
    }
}
