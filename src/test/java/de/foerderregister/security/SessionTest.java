package de.foerderregister.security;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tokens that are signed with the registry's own key and still must not work: no expiry, another
 * issuer, an unknown role, a state user without a state, and every token of an account after
 * logout, disabling, deletion, a change of role or state, or of the password. Each refusal has
 * its control, so a 401 can only come from what was done.
 */
@MicronautTest(transactional = false)
class SessionTest {

    private static final String PROTECTED = "/api/applications";

    @Inject
    TestApi api;

    @Inject
    TokenSigning signing;

    @Inject
    UserRepository users;

    @Test
    void aTokenWithoutExpiryIsRefused() throws Exception {
        Account nw = api.account(Role.STATE, StateCode.NW);
        JWTClaimsSet claims = claims(nw);
        assertTrue(claims.getExpirationTime() != null, "login tokens carry exp");

        JWTClaimsSet endless = new JWTClaimsSet.Builder(claims).expirationTime(null).build();

        assertEquals(401, withToken(sign(endless)).status());
        assertEquals(200, withToken(sign(claims)).status());
    }

    @Test
    void aTokenOfAnotherOrNoIssuerIsRefused() throws Exception {
        Account fitko = api.account(Role.FITKO, null);
        JWTClaimsSet claims = claims(fitko);
        assertEquals("foerderregister", claims.getIssuer());

        for (String issuer : new String[]{"https://evil.example/foerderregister", "foerderregister-test", "", null}) {
            assertEquals(401, withToken(sign(new JWTClaimsSet.Builder(claims).issuer(issuer).build())).status(), issuer);
        }
        assertEquals(200, withToken(sign(claims)).status());
    }

    @Test
    void anUnknownRoleOrAStateTokenWithoutStateAnswers401Not500() throws Exception {
        Account nw = api.account(Role.STATE, StateCode.NW);
        JWTClaimsSet claims = claims(nw);

        for (Object roles : List.of(List.of("SUPERUSER"), List.of(), List.of("STATE", "ADMIN"), "STATE", List.of("state"))) {
            assertEquals(401, withToken(sign(new JWTClaimsSet.Builder(claims).claim("roles", roles).build())).status(),
                    roles.toString());
        }
        assertEquals(401, withToken(sign(new JWTClaimsSet.Builder(claims).claim("state", null).build())).status());
        assertEquals(401, withToken(sign(new JWTClaimsSet.Builder(claims).claim("state", "XX").build())).status());
        assertEquals(401, withToken(sign(new JWTClaimsSet.Builder(claims).claim("gen", null).build())).status());
        assertEquals(401, withToken(sign(new JWTClaimsSet.Builder(claims).claim("gen", "0").build())).status());
        assertEquals(200, withToken(sign(claims)).status());
    }

    @Test
    void apiLogoutEndsEveryEarlierTokenOfTheAccountAtOnce() {
        Account fitko = api.account(Role.FITKO, null);
        Account second = relogin(fitko);
        assertEquals(200, api.get(fitko, PROTECTED).status());

        assertEquals(204, api.post(fitko, "/api/me/logout", null).status());

        assertEquals(401, api.get(fitko, PROTECTED).status());
        assertEquals(401, api.get(second, PROTECTED).status());
        // a login right after, in the same second as the logout, works
        assertEquals(200, api.get(relogin(fitko), PROTECTED).status());
    }

    @Test
    void aTokenIssuedInTheSameSecondAsTheLogoutStillFails() throws Exception {
        Account fitko = api.account(Role.FITKO, null);
        int sameSecond = 0;
        for (int round = 0; round < 5; round++) {
            Account before = relogin(fitko);
            assertEquals(204, api.post(before, "/api/me/logout", null).status());
            Account after = relogin(fitko);
            // iat has whole seconds: a not-before time could not tell these two tokens apart
            if (claims(before).getIssueTime().equals(claims(after).getIssueTime())) {
                sameSecond++;
            }
            assertEquals(401, api.get(before, PROTECTED).status());
            assertEquals(200, api.get(after, PROTECTED).status());
        }
        assertTrue(sameSecond > 0, "no round fell within one second");
    }

    @Test
    void aDisabledAccountsTokensFailAtOnceAndReenablingDoesNotRevive() {
        Account admin = api.account(Role.ADMIN, null);
        Account nw = api.account(Role.STATE, StateCode.NW);
        assertEquals(201, api.post(nw, PROTECTED, api.application(StateCode.NW)).status());

        assertEquals(200, patch(admin, nw.username(), Map.of("enabled", false)).status());
        assertEquals(401, api.post(nw, PROTECTED, api.application(StateCode.NW)).status());
        assertEquals(401, api.get(nw, PROTECTED).status());

        assertEquals(200, patch(admin, nw.username(), Map.of("enabled", true)).status());
        assertEquals(401, api.get(nw, PROTECTED).status(), "the old token stays dead");
        assertEquals(200, api.get(relogin(nw), PROTECTED).status());
    }

    @Test
    void aDeletedAccountsTokenIsRefused() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        assertEquals(200, api.get(nw, PROTECTED).status());

        users.delete(users.findByUsername(nw.username()).orElseThrow());

        assertEquals(401, api.get(nw, PROTECTED).status());
        assertEquals(401, api.post(nw, PROTECTED, api.application(StateCode.NW)).status());
    }

    @Test
    void aRoleOrStateChangeEndsTheOldTokens() {
        Account admin = api.account(Role.ADMIN, null);
        Account fitko = api.account(Role.FITKO, null);
        Account nw = api.account(Role.STATE, StateCode.NW);

        assertEquals(200, patch(admin, fitko.username(), Map.of("role", "FINANCE")).status());
        assertEquals(401, api.get(fitko, "/api/reports/budget-summary").status());
        Response login = api.login(fitko.username(), TestApi.PASSWORD);
        assertEquals(List.of("FINANCE"), List.of(login.json().get("roles").get(0).asText()));

        assertEquals(200, patch(admin, nw.username(), Map.of("state", "BY")).status());
        assertEquals(401, api.get(nw, PROTECTED).status());
        Account by = relogin(nw);
        assertEquals("BY", api.create(by, api.application(StateCode.BY)).get("ownerState").asText());
    }

    @Test
    void aPasswordChangeOrResetEndsTheOldTokens() {
        Account admin = api.account(Role.ADMIN, null);
        Account fitko = api.account(Role.FITKO, null);
        String changed = "Neues Passwort für den Test 1";

        assertEquals(204, api.post(fitko, "/api/me/password",
                Map.of("currentPassword", TestApi.PASSWORD, "newPassword", changed)).status());
        assertEquals(401, api.get(fitko, PROTECTED).status());
        assertEquals(401, api.login(fitko.username(), TestApi.PASSWORD).status());
        Response login = api.login(fitko.username(), changed);
        assertEquals(200, login.status());
        Account renewed = new Account(fitko.username(), Role.FITKO, null, login.json().get("access_token").asText());

        assertEquals(204, api.post(admin, "/api/users/" + fitko.username() + "/password",
                Map.of("newPassword", "Vom Admin gesetzt, 2026!")).status());
        assertEquals(401, api.get(renewed, PROTECTED).status());
        assertEquals(401, api.login(fitko.username(), changed).status());
        assertEquals(200, api.login(fitko.username(), "Vom Admin gesetzt, 2026!").status());
    }

    @Test
    void aDisabledAccountAnswersExactlyLikeAWrongPassword() {
        Account admin = api.account(Role.ADMIN, null);
        Account enabled = api.account(Role.FINANCE, null);
        Account disabled = api.account(Role.FINANCE, null);
        assertEquals(200, patch(admin, disabled.username(), Map.of("enabled", false)).status());

        Response wrongPassword = api.login(enabled.username(), "not the password at all");
        Response disabledRight = api.login(disabled.username(), TestApi.PASSWORD);
        Response disabledWrong = api.login(disabled.username(), "not the password at all");

        assertEquals(401, disabledRight.status());
        assertEquals(wrongPassword.status(), disabledRight.status());
        assertEquals(wrongPassword.body(), disabledRight.body());
        assertEquals(disabledWrong.body(), disabledRight.body());
        assertEquals(wrongPassword.contentType(), disabledRight.contentType());
    }

    private Response patch(Account admin, String username, Map<String, Object> body) {
        return api.send("PATCH", "/api/users/" + username, admin.token(), body, Map.of());
    }

    private Account relogin(Account account) {
        Response login = api.login(account.username(), TestApi.PASSWORD);
        assertEquals(200, login.status(), login.body());
        return new Account(account.username(), account.role(), account.state(), login.json().get("access_token").asText());
    }

    private Response withToken(String token) {
        return api.send("GET", PROTECTED, token, null, Map.of());
    }

    private String sign(JWTClaimsSet claims) throws Exception {
        return signing.sign(claims).serialize();
    }

    private static JWTClaimsSet claims(Account account) throws Exception {
        return SignedJWT.parse(account.token()).getJWTClaimsSet();
    }
}
