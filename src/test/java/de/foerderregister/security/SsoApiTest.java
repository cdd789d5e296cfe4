package de.foerderregister.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static de.foerderregister.security.TestProviders.AUDIENCE;
import static de.foerderregister.security.TestProviders.FINANCE_GROUP;
import static de.foerderregister.security.TestProviders.FITKO;
import static de.foerderregister.security.TestProviders.FITKO_GROUP;
import static de.foerderregister.security.TestProviders.NW;
import static de.foerderregister.security.TestProviders.NW_GROUP;
import static de.foerderregister.security.TestProviders.STATE_GROUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API with the identity providers' access tokens, against a real OpenID Connect server: each role comes from the
 * provider's groups and a STATE user's state from its claim (or the provider's one state), the local account is
 * created and kept up to date with an audit event per change, and every token that is not the provider's own, for
 * the registry's API, in time and mappable is refused with 401 — the registry's own tokens keep working beside them.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SsoApiTest implements UsesTestProviders {

    final TestProviders providers = new TestProviders(false);

    @Inject
    TestApi api;

    @Inject
    DataSource dataSource;

    @Inject
    ProviderTokens providerTokens;

    @Override
    public TestProviders providers() {
        return providers;
    }

    @Test
    void eachRoleComesFromTheProvidersGroups() {
        String fitko = providers.token(FITKO, api.unique("fitko-user"), List.of(FITKO_GROUP), Map.of());
        assertEquals(200, get(fitko, "/api/applications").status());
        assertEquals(403, get(fitko, "/api/users").status(), "FITKO, not ADMIN");

        String finance = providers.token(FITKO, api.unique("finance-user"), List.of(FINANCE_GROUP), Map.of());
        assertEquals(200, get(finance, "/api/applications").status());
        assertEquals(403, api.send("POST", "/api/applications", finance, api.application(StateCode.NW), Map.of()).status(),
                "FINANCE files nothing");

        String nw = providers.token(FITKO, api.unique("land-user"), List.of(STATE_GROUP), Map.of("state", "NW"));
        assertEquals(201, api.send("POST", "/api/applications", nw, api.application(StateCode.NW), Map.of()).status());
        assertEquals(403, api.send("POST", "/api/applications", nw, api.application(StateCode.BY), Map.of()).status(),
                "the state comes from the provider's claim and binds");
    }

    @Test
    void aStateMinistrysProviderVouchesForItsOwnStateOnly() {
        String subject = api.unique("ministerium");
        String staff = providers.token(NW, subject, List.of(NW_GROUP), Map.of());
        assertEquals(201, api.send("POST", "/api/applications", staff, api.application(StateCode.NW), Map.of()).status());
        assertEquals(403, api.send("POST", "/api/applications", staff, api.application(StateCode.HE), Map.of()).status());

        String claimsAnother = providers.token(NW, api.unique("ministerium"), List.of(NW_GROUP), Map.of("state", "BY"));
        assertEquals(200, get(claimsAnother, "/api/applications").status(), "the NW provider has no state claim configured");
        assertEquals(403, api.send("POST", "/api/applications", claimsAnother, api.application(StateCode.BY), Map.of()).status(),
                "a claim the provider's settings do not read gives no state");
    }

    @Test
    void tokensWithoutAMappableRoleOrStateAreRefused() {
        assertEquals(401, get(providers.token(FITKO, api.unique("nobody"), List.of("/andere/gruppe"), Map.of()),
                "/api/applications").status(), "no group of the registry");
        assertEquals(401, get(providers.token(FITKO, api.unique("both"), List.of(FITKO_GROUP, FINANCE_GROUP), Map.of()),
                "/api/applications").status(), "two roles: which one would be a guess");
        assertEquals(401, get(providers.token(FITKO, api.unique("stateless"), List.of(STATE_GROUP), Map.of()),
                "/api/applications").status(), "STATE without a state");
        assertEquals(401, get(providers.token(FITKO, api.unique("xx"), List.of(STATE_GROUP), Map.of("state", "XX")),
                "/api/applications").status(), "not a state");
        assertEquals(401, get(providers.token(FITKO, api.unique("lower"), List.of(STATE_GROUP), Map.of("state", "nw")),
                "/api/applications").status(), "the provider's value is taken exactly as sent");
    }

    @Test
    void administratorsNeverComeFromAProvider() {
        Account admin = api.account(Role.ADMIN, null);
        String claimsAdmin = providers.token(FITKO, api.unique("wants-admin"), List.of(FITKO_GROUP),
                Map.of("roles", List.of("ADMIN")));
        assertEquals(403, get(claimsAdmin, "/api/users").status(), "a roles claim of the provider is not the registry's role");
        String onlyAdmin = providers.token(FITKO, api.unique("only-admin"), List.of("ADMIN", "/foerderregister/admin"),
                Map.of("roles", List.of("ADMIN")));
        assertEquals(401, get(onlyAdmin, "/api/users").status());
        assertEquals(200, api.get(admin, "/api/users").status(), "the local administrator is unaffected");
    }

    @Test
    void theFirstCallCreatesAnExternalAccountAndEveryMappingChangeIsAudited() {
        Account admin = api.account(Role.ADMIN, null);
        String subject = api.unique("wechsel");
        String username = "fitko." + subject;
        assertEquals(200, get(providers.token(FITKO, subject, List.of(STATE_GROUP),
                Map.of("state", "HE", "email", "he@example.org")), "/api/applications").status());
        JsonNode account = api.get(admin, "/api/users/" + username).json();
        assertEquals("STATE", account.get("role").asText());
        assertEquals("HE", account.get("state").asText());
        assertEquals("he@example.org", account.get("email").asText());
        assertEquals(FITKO, account.get("provider").asText(), "marked external, with its provider");

        // the same subject again, unchanged: no event; then moved to FITKO with a new address
        assertEquals(200, get(providers.token(FITKO, subject, List.of(STATE_GROUP),
                Map.of("state", "HE", "email", "he@example.org")), "/api/applications").status());
        assertEquals(200, get(providers.token(FITKO, subject, List.of(FITKO_GROUP),
                Map.of("email", "fitko@example.org")), "/api/applications").status());

        JsonNode history = api.get(admin, "/api/users/" + username + "/history").json();
        List<String> actions = new ArrayList<>();
        history.forEach(event -> actions.add(event.get("action").asText()));
        assertEquals(List.of("USER_CREATED", "USER_CHANGED"), actions);
        String changes = history.get(1).get("changes").toString();
        assertTrue(changes.contains("STATE") && changes.contains("FITKO") && changes.contains("HE")
                && changes.contains("fitko@example.org"), changes);
        assertEquals("FITKO", api.get(admin, "/api/users/" + username).json().get("role").asText());

        // an external account has no password here: an administrator cannot set one, nobody logs in with one
        assertEquals(409, api.post(admin, "/api/users/" + username + "/password",
                Map.of("newPassword", TestApi.PASSWORD)).status());
        assertEquals(401, api.login(username, "!external").status());
    }

    @Test
    void aDisabledExternalAccountIsRefused() {
        Account admin = api.account(Role.ADMIN, null);
        String subject = api.unique("gesperrt");
        String token = providers.token(FITKO, subject, List.of(FITKO_GROUP), Map.of());
        assertEquals(200, get(token, "/api/applications").status());
        assertEquals(200, api.send("PATCH", "/api/users/fitko." + subject, admin.token(), Map.of("enabled", false), Map.of()).status());
        assertEquals(401, get(token, "/api/applications").status());
    }

    @Test
    void tokensNotOfTheProviderForTheRegistryInTimeAreRefused() throws Exception {
        String subject = api.unique("pruefung");
        String valid = providers.token(FITKO, subject, List.of(FITKO_GROUP), Map.of());
        assertEquals(200, get(valid, "/api/applications").status(), "the control: this token is accepted");

        assertEquals(401, get(providers.token(FITKO, subject, List.of(AUDIENCE), List.of(FITKO_GROUP), Map.of(), -120),
                "/api/applications").status(), "expired");
        assertEquals(401, get(providers.token(FITKO, subject, List.of("another-service"), List.of(FITKO_GROUP), Map.of(), 3600),
                "/api/applications").status(), "another audience");
        assertEquals(401, get(providers.token(FITKO, subject, List.of(TestProviders.CLIENT_ID), List.of(FITKO_GROUP), Map.of(),
                3600), "/api/applications").status(), "an ID token (audience: the client) is no API token");
        assertEquals(401, get(providers.token("unconfigured", subject, List.of(FITKO_GROUP), Map.of()),
                "/api/applications").status(), "an issuer that is not configured");

        SignedJWT signed = SignedJWT.parse(valid);
        assertEquals(401, get(new PlainJWT(signed.getJWTClaimsSet()).serialize(), "/api/applications").status(), "alg none");
        RSAKey foreign = new RSAKeyGenerator(2048).keyID(signed.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(foreign.getKeyID()).build(),
                signed.getJWTClaimsSet());
        forged.sign(new RSASSASigner(foreign));
        assertEquals(401, get(forged.serialize(), "/api/applications").status(), "signed by a foreign key");
    }

    @Test
    void tokensNotYetValidOrKeyedWithThePublishedKeyAreRefused() throws Exception {
        String subject = api.unique("zukunft");
        long inAnHour = Instant.now().plusSeconds(3600).getEpochSecond();
        String early = providers.token(FITKO, subject, List.of(FITKO_GROUP), Map.of("nbf", inAnHour));
        assertEquals(inAnHour, SignedJWT.parse(early).getJWTClaimsSet().getNotBeforeTime().toInstant().getEpochSecond(),
                "the test's token is valid only from an hour on");
        assertEquals(401, get(early, "/api/applications").status(), "not before");

        // algorithm confusion: an HMAC keyed with the provider's public key, which anyone can read from its JWKS
        SignedJWT valid = SignedJWT.parse(providers.token(FITKO, subject, List.of(FITKO_GROUP), Map.of()));
        RSAKey published = providers.publishedKey(FITKO);
        for (byte[] secret : List.of(published.toRSAPublicKey().getEncoded(),
                published.toPublicJWK().toJSONString().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            SignedJWT keyed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID()).build(),
                    valid.getJWTClaimsSet());
            keyed.sign(new MACSigner(secret));
            assertEquals(401, get(keyed.serialize(), "/api/applications").status(), "HS256 with the public key");
        }
    }

    @Test
    void aProvidersTokenWithoutExpiryIsRefused() throws Exception {
        // the signature was checked before this step (IssuerBoundSignatures); what remains is the rule on the claims
        JWTClaimsSet lasting = new JWTClaimsSet.Builder(SignedJWT.parse(providers.token(FITKO, api.unique("ewig"),
                List.of(FITKO_GROUP), Map.of())).getJWTClaimsSet()).expirationTime(null).build();
        assertTrue(providerTokens.createAuthentication(new PlainJWT(lasting)).isEmpty(), "no exp: no user");
        JWTClaimsSet expiring = new JWTClaimsSet.Builder(lasting).expirationTime(Date.from(Instant.now().plusSeconds(60))).build();
        assertTrue(providerTokens.createAuthentication(new PlainJWT(expiring)).isPresent(), "the control: with exp, a user");
    }

    @Test
    void noProviderCanSignInAnothersNameOrTheRegistrys() throws Exception {
        String asFitko = providers.token(NW, api.unique("falsch"), List.of(AUDIENCE), List.of(FITKO_GROUP),
                Map.of("iss", providers.issuer(FITKO)), 3600);
        SignedJWT crossed = SignedJWT.parse(asFitko);
        assertEquals(providers.issuer(FITKO), crossed.getJWTClaimsSet().getIssuer(), "the test's token names FITKO's provider");
        assertNotEquals(SignedJWT.parse(providers.token(FITKO, "x", List.of(FITKO_GROUP), Map.of())).getHeader().getKeyID(),
                crossed.getHeader().getKeyID(), "and is signed by the NW provider's key");
        assertEquals(401, get(asFitko, "/api/applications").status());

        Account admin = api.account(Role.ADMIN, null);
        String asRegistry = providers.token(NW, admin.username(), List.of(AUDIENCE), List.of(),
                Map.of("iss", "foerderregister", "roles", List.of("ADMIN"), "gen", 0L), 3600);
        assertEquals("foerderregister", SignedJWT.parse(asRegistry).getJWTClaimsSet().getIssuer());
        assertEquals(401, get(asRegistry, "/api/users").status(), "a provider's key never signs for the registry");

        // and the registry's own token is no provider's: it answers as the registry's session it is
        assertEquals(200, api.get(admin, "/api/users").status());
    }

    @Test
    void simultaneousFirstCallsOfOnePersonCreateOneAccount() throws Exception {
        Account admin = api.account(Role.ADMIN, null);
        int callers = 16;
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            // several people, each with many first calls at once: a race that a single round may miss shows here
            for (int round = 0; round < 5; round++) {
                String subject = api.unique("gleichzeitig");
                String token = providers.token(FITKO, subject, List.of(FITKO_GROUP), Map.of("email", "gleich@example.org"));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> calls = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    calls.add(threads.submit(() -> {
                        start.await();
                        return get(token, "/api/applications");
                    }));
                }
                start.countDown();
                for (Future<Response> call : calls) {
                    assertEquals(200, call.get(60, TimeUnit.SECONDS).status());
                }
                List<String> accounts = new ArrayList<>();
                api.get(admin, "/api/users").json().forEach(user -> {
                    if (user.get("username").asText().startsWith("fitko." + subject)) {
                        accounts.add(user.get("username").asText());
                    }
                });
                assertEquals(List.of("fitko." + subject), accounts, "exactly one account for the subject");
                List<String> actions = new ArrayList<>();
                api.get(admin, "/api/users/fitko." + subject + "/history").json()
                        .forEach(event -> actions.add(event.get("action").asText()));
                assertEquals(List.of("USER_CREATED"), actions);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aCallWithAnUnchangedMappingDoesNotWaitForTheAccountsLock() throws Exception {
        String subject = api.unique("unveraendert");
        String token = providers.token(FITKO, subject, List.of(FITKO_GROUP), Map.of());
        assertEquals(200, get(token, "/api/applications").status(), "creates the account");
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM user_account WHERE username = ? FOR UPDATE")) {
                lock.setString(1, "fitko." + subject);
                try (ResultSet locked = lock.executeQuery()) {
                    assertTrue(locked.next());
                }
            }
            // an administrator's change holds the row: the unchanged account's next call only reads it
            Future<Response> call = thread.submit(() -> get(token, "/api/applications"));
            assertEquals(200, call.get(10, TimeUnit.SECONDS).status());

            // a changed mapping does need the lock: it waits until the row is free, then is audited once
            String moved = providers.token(FITKO, subject, List.of(FINANCE_GROUP), Map.of());
            Future<Response> change = thread.submit(() -> get(moved, "/api/applications"));
            Thread.sleep(300);
            assertTrue(!change.isDone(), "the change waits for the lock");
            connection.rollback();
            assertEquals(200, change.get(30, TimeUnit.SECONDS).status());
        } finally {
            thread.shutdownNow();
        }
        Account admin = api.account(Role.ADMIN, null);
        assertEquals("FINANCE", api.get(admin, "/api/users/fitko." + subject).json().get("role").asText());
        List<String> actions = new ArrayList<>();
        api.get(admin, "/api/users/fitko." + subject + "/history").json()
                .forEach(event -> actions.add(event.get("action").asText()));
        assertEquals(List.of("USER_CREATED", "USER_CHANGED"), actions);
    }

    private Response get(String token, String path) {
        return api.send("GET", path, token, null, Map.of());
    }
}
