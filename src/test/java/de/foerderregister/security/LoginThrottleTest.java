package de.foerderregister.security;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Password guessing as an attacker tries it: in order, in parallel bursts, from one address and
 * from many. The tests' client stands behind 127.0.0.1, a trusted proxy in the test
 * configuration, so X-Forwarded-For gives each simulated client its own address.
 */
@MicronautTest(transactional = false)
// the test stands in for a proxy: X-Forwarded-For gives each simulated client its own address
@Property(name = "registry.trusted-proxies", value = "127.0.0.1/32,::1/128")
class LoginThrottleTest {

    @Inject
    TestApi api;

    @Test
    void fiveFailuresBlockTheUsernameEvenForTheRightPasswordAndSayWhenToComeBack() {
        Account target = api.account(Role.FINANCE, null);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.login(target.username(), "wrong password " + i).status());
        }
        Response blocked = api.login(target.username(), TestApi.PASSWORD);
        assertEquals(429, blocked.status(), blocked.body());
        assertEquals("application/problem+json", blocked.contentType());
        assertEquals(429, blocked.json().get("status").asInt());
        assertNotNull(blocked.header("Retry-After"), blocked.headers().map().toString());
        long retryAfter = Long.parseLong(blocked.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60 + 1, "Retry-After " + retryAfter);

        Account bystander = api.account(Role.FINANCE, null);
        assertEquals(200, api.login(bystander.username(), TestApi.PASSWORD).status(), "other users log in as before");
        assertEquals(200, api.get(target, "/api/reports/budget-summary").status(), "issued tokens stay valid");
    }

    @Test
    void unknownUsernamesAreThrottledTheSameWay() {
        String nobody = api.unique("nobody");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.login(nobody, "guess " + i).status());
        }
        assertEquals(429, api.login(nobody, "guess 6").status());
    }

    @Test
    void aSuccessDoesNotWipeTheFailuresBeforeIt() {
        Account user = api.account(Role.FINANCE, null);
        for (int i = 0; i < 4; i++) {
            assertEquals(401, api.login(user.username(), "wrong " + i).status());
        }
        assertEquals(200, api.login(user.username(), TestApi.PASSWORD).status());
        assertEquals(401, api.login(user.username(), "wrong again").status());
        assertEquals(429, api.login(user.username(), "one more guess").status());
    }

    @Test
    void sixtyParallelWrongPasswordsLetAtMostFiveReachBcrypt() {
        Account target = api.account(Role.FITKO, null);

        List<Response> answers = burst(60, i -> login(target.username(), "parallel guess " + i, "192.0.2.10"));

        // a 401 is only answered after bcrypt: the rest were refused before it
        assertEquals(5, count(answers, 401), statuses(answers));
        assertEquals(55, count(answers, 429), statuses(answers));
        answers.stream().filter(answer -> answer.status() == 429)
                .forEach(answer -> assertNotNull(answer.header("Retry-After")));
        assertEquals(429, login(target.username(), TestApi.PASSWORD, "192.0.2.10").status());
    }

    @Test
    void theRightPasswordInsideABurstDoesNotOpenTheDoorForTheOthers() {
        Account target = api.account(Role.FITKO, null);

        List<Response> answers = burst(40, i -> login(target.username(),
                i % 10 == 0 ? TestApi.PASSWORD : "burst guess " + i, "192.0.2.11"));

        assertTrue(count(answers, 401) <= 5, statuses(answers));
        assertEquals(429, login(target.username(), "after the burst", "192.0.2.11").status());
    }

    @Test
    void oneAddressLockingAUsernameOutDoesNotLockOutAnotherAddress() {
        Account admin = api.account(Role.ADMIN, null);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(admin.username(), "attacker " + i, "203.0.113.66").status());
        }
        assertEquals(429, login(admin.username(), TestApi.PASSWORD, "203.0.113.66").status());

        assertEquals(200, login(admin.username(), TestApi.PASSWORD, "198.51.100.7").status(),
                "the administrator at another address still logs in");
        assertEquals(200, api.login(admin.username(), TestApi.PASSWORD).status());
    }

    @Test
    void manyAddressesTogetherAreHeldByThePerUsernameLimit() {
        Account target = api.account(Role.FITKO, null);

        // 60 guesses, each from an address of its own: only the looser per-username limit holds them
        List<Response> answers = burst(60, i -> login(target.username(), "botnet guess " + i,
                "198.18." + (i / 200) + "." + (i % 200 + 1)));

        assertEquals(50, count(answers, 401), statuses(answers));
        assertEquals(10, count(answers, 429), statuses(answers));
    }

    @Test
    void anUntrustedForwardedForIsNotBelievedBeyondTheTrustedProxy() {
        Account target = api.account(Role.FITKO, null);
        // the client claims a different address each time, but the proxy (127.0.0.1) appended the real one
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(target.username(), "spoofed " + i, "10.0.0." + i + ", 192.0.2.99").status());
        }
        assertEquals(429, login(target.username(), "spoofed 6", "10.0.0.77, 192.0.2.99").status());
    }

    @Test
    void overLongUsernamesAnswer401LikeAnyUnknownUser() {
        for (String name : List.of("a".repeat(65), "a".repeat(256), "ä".repeat(300), "x".repeat(100_000))) {
            Response refused = login(name, "whatever password", "192.0.2." + ThreadLocalRandom.current().nextInt(1, 250));
            assertEquals(401, refused.status(), name.length() + " characters: " + refused);
        }
    }

    private Response login(String username, String password, String forwardedFor) {
        return api.send("POST", "/login", null, Map.of("username", username, "password", password),
                Map.of("X-Forwarded-For", forwardedFor));
    }

    private static List<Response> burst(int size, java.util.function.IntFunction<Response> attempt) {
        ExecutorService pool = Executors.newFixedThreadPool(size);
        try {
            List<CompletableFuture<Response>> running = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                int index = i;
                running.add(CompletableFuture.supplyAsync(() -> attempt.apply(index), pool));
            }
            return running.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(List<Response> answers, int status) {
        return answers.stream().filter(answer -> answer.status() == status).count();
    }

    private static String statuses(List<Response> answers) {
        return answers.stream().map(answer -> Integer.toString(answer.status())).toList().toString();
    }
}
