package de.foerderregister.web;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.security.Role;
import de.foerderregister.security.UserCommand;
import de.foerderregister.security.UserService;
import de.foerderregister.web.WebSession.Page;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code registry.sso.local-login: admin-only}: a password signs in administrators only, on the API's
 * {@code POST /login} and the login page alike; everyone else is refused exactly like a wrong password (the answer
 * says nothing about the account or the password), and the page says where the others sign in.
 */
@MicronautTest(transactional = false)
@Property(name = "registry.sso.local-login", value = "admin-only")
class LocalLoginSwitchTest {

    @Inject
    TestApi api;

    @Inject
    UserService users;

    @Inject
    EmbeddedServer server;

    @Test
    void onlyAdministratorsSignInWithAPassword() {
        String fitko = api.unique("t-fitko");
        users.createAccount(new UserCommand(fitko, TestApi.PASSWORD, Role.FITKO, null));
        Account admin = api.account(Role.ADMIN, null);

        Response rightPassword = api.login(fitko, TestApi.PASSWORD);
        Response wrongPassword = api.login(fitko, "falsches Passwort 12345");
        assertEquals(401, rightPassword.status());
        assertEquals(wrongPassword.status(), rightPassword.status());
        assertEquals(wrongPassword.body(), rightPassword.body(), "refused exactly like a wrong password");
        assertEquals(200, api.login(admin.username(), TestApi.PASSWORD).status());

        WebSession browser = new WebSession(server.getURL().toString());
        Page form = browser.get("/ui/login");
        assertTrue(form.body().contains("id=\"admin-only\""), "the page says the form is for administrators");
        Page refused = browser.login(fitko, TestApi.PASSWORD);
        assertEquals(401, refused.status());
        assertFalse(browser.cookies.containsKey(UiSession.COOKIE));
        assertEquals(303, new WebSession(server.getURL().toString()).login(admin.username(), TestApi.PASSWORD).status());
    }
}
