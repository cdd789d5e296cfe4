package de.foerderregister.security;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest(transactional = false)
class LoginThrottleTest {

    @Inject
    TestApi api;

    @Test
    void fiveFailuresBlockTheUsernameEvenForTheRightPassword() {
        Account target = api.account(Role.FINANCE, null);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.login(target.username(), "wrong password " + i).status());
        }
        Response blocked = api.login(target.username(), TestApi.PASSWORD);
        assertEquals(429, blocked.status(), blocked.body());
        assertEquals("application/problem+json", blocked.contentType());
        assertEquals(429, blocked.json().get("status").asInt());

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
    void aSuccessForgetsEarlierFailures() {
        Account user = api.account(Role.FINANCE, null);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                assertEquals(401, api.login(user.username(), "wrong").status());
            }
            assertEquals(200, api.login(user.username(), TestApi.PASSWORD).status());
        }
    }
}
