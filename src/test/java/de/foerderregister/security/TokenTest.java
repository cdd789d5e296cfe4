package de.foerderregister.security;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logging in, and every way a forged, altered or stale token must be refused. Each refusal is
 * paired with a control that the same request with a proper token succeeds, so a 401 can only
 * come from what was done to the token.
 */
@MicronautTest(transactional = false)
class TokenTest {

    private static final String PROTECTED = "/api/applications";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    TestApi api;

    @Inject
    TokenSigning signing;

    @Inject
    DataSource database;

    @Value("${registry.home}")
    Path home;

    @Value("${registry.jwt.secret:}")
    String configuredSecret;

    @Test
    void loginAnswersABearerTokenWithExpiryUsernameAndRoles() {
        Account nw = api.account(Role.STATE, StateCode.NW);

        Response login = api.login(nw.username(), TestApi.PASSWORD);

        assertEquals(200, login.status(), login.body());
        JsonNode json = login.json();
        assertFalse(json.get("access_token").asText().isBlank());
        assertEquals(3, json.get("access_token").asText().split("\\.", -1).length, "a signed JWT has three parts");
        assertEquals("Bearer", json.get("token_type").asText());
        assertEquals(3600, json.get("expires_in").asInt());
        assertEquals(nw.username(), json.get("username").asText());
        assertEquals(List.of("STATE"), strings(json.get("roles")));
        assertFalse(login.body().contains(TestApi.PASSWORD));

        // the token is signed with HS256 and carries the user's state
        JsonNode header = part(json.get("access_token").asText(), 0);
        assertEquals("HS256", header.get("alg").asText());
        JsonNode claims = part(json.get("access_token").asText(), 1);
        assertEquals(nw.username(), claims.get("sub").asText());
        assertEquals("NW", claims.get("state").asText());
        assertTrue(claims.get("exp").asLong() > Instant.now().getEpochSecond());

        assertEquals(200, api.send("GET", PROTECTED, json.get("access_token").asText(), null, Map.of()).status());
    }

    @Test
    void nonStateUsersTokensCarryNoState() {
        Account fitko = api.account(Role.FITKO, null);
        JsonNode claims = part(fitko.token(), 1);
        assertFalse(claims.has("state"), claims.toString());
        assertEquals(List.of("FITKO"), strings(claims.get("roles")));
    }

    @Test
    void wrongPasswordAnswers401ProblemWithoutToken() {
        Account nw = api.account(Role.STATE, StateCode.NW);

        Response refused = api.login(nw.username(), TestApi.PASSWORD + "!");

        assertEquals(401, refused.status(), refused.body());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals(401, refused.json().get("status").asInt());
        assertFalse(refused.body().contains("access_token"));
    }

    @Test
    void unknownUserAnswersExactlyLikeAWrongPassword() {
        Account nw = api.account(Role.STATE, StateCode.NW);

        Response unknown = api.login(api.unique("niemand"), TestApi.PASSWORD);
        Response wrongPassword = api.login(nw.username(), "not the password at all");

        assertEquals(401, unknown.status(), unknown.body());
        assertEquals("application/problem+json", unknown.contentType());
        assertFalse(unknown.body().contains("access_token"));
        // no user enumeration: both refusals read the same
        assertEquals(wrongPassword.body(), unknown.body());
    }

    @Test
    void emptyOrMissingCredentialsAnswer401Or400NeverAToken() {
        for (Object body : List.<Object>of(Map.of("username", "", "password", ""), Map.of("username", "admin"),
                Map.of("username", "admin", "password", ""), Map.of())) {
            Response refused = api.send("POST", "/login", null, body, Map.of());
            assertTrue(refused.status() == 400 || refused.status() == 401, body + " → " + refused);
            assertFalse(refused.body().contains("access_token"), body + " → " + refused);
        }
    }

    @Test
    void noAuthorizationHeaderAnswers401() {
        Response refused = api.send("GET", PROTECTED, null, null, Map.of());
        assertEquals(401, refused.status(), refused.body());
        Response create = api.send("POST", PROTECTED, null, api.application(StateCode.NW), Map.of());
        assertEquals(401, create.status(), create.body());
    }

    @Test
    void malformedAuthorizationHeadersAnswer401() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        assertEquals(200, withToken(nw.token()).status());
        for (String header : List.of("Bearer", "Bearer ", "Bearer not-a-jwt", "Bearer a.b.c", "Basic " + nw.token(),
                "Bearer " + nw.token().substring(0, nw.token().length() - 4),
                "Bearer " + nw.token() + "x")) {
            Response refused = api.send("GET", PROTECTED, null, null, Map.of("Authorization", header));
            assertEquals(401, refused.status(), header + " → " + refused);
        }
    }

    @Test
    void httpBasicCredentialsAreNoSubstituteForABearerToken() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        String basic = Base64.getEncoder().encodeToString((nw.username() + ":" + TestApi.PASSWORD).getBytes(StandardCharsets.UTF_8));

        Response response = api.send("GET", PROTECTED, null, null, Map.of("Authorization", "Basic " + basic));

        assertEquals(401, response.status(), response.status() + " " + response.header("Content-Type"));
    }

    @Test
    void unsignedTokenWithAlgNoneAnswers401() {
        Account fitko = api.account(Role.FITKO, null);
        assertEquals(200, withToken(fitko.token()).status());
        String payload = fitko.token().split("\\.")[1];

        for (String alg : List.of("none", "None", "NONE")) {
            String unsigned = encode("{\"alg\":\"" + alg + "\"}") + "." + payload + ".";
            assertEquals(401, withToken(unsigned).status(), alg);
            // a none token that keeps the original signature is no better
            String withSignature = encode("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + payload + "."
                    + fitko.token().split("\\.")[2];
            assertEquals(401, withToken(withSignature).status(), alg);
        }
    }

    @Test
    void tokenSignedWithAnotherSecretAnswers401() throws Exception {
        Account fitko = api.account(Role.FITKO, null);
        JWTClaimsSet claims = SignedJWT.parse(fitko.token()).getJWTClaimsSet();
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);

        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        forged.sign(new MACSigner(secret));

        assertEquals(401, withToken(forged.serialize()).status());
        // the registry's own key, same claims: accepted — so it is the key that was refused
        assertEquals(200, withToken(signing.sign(claims).serialize()).status());
    }

    /** Whoever reads the database (a backup, a replica, a stolen dump) learns nothing to sign tokens with. */
    @Test
    void theSigningKeyIsAnOwnerOnlyFileNotARowInTheDatabase() throws Exception {
        Assumptions.assumeTrue(configuredSecret.isBlank(), "REGISTRY_JWT_SECRET replaces the key file");
        try (Connection connection = DelegatingDataSource.unwrapDataSource(database).getConnection();
             ResultSet tables = connection.createStatement().executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                     + " WHERE table_schema = DATABASE() AND table_name = 'registry_secret'")) {
            tables.next();
            assertEquals(0, tables.getInt(1), "the table that held the key is gone");
        }
        Path keyFile = home.resolve(TokenSigning.KEY_FILE);
        Account fitko = api.account(Role.FITKO, null);
        SignedJWT withFileKey = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), SignedJWT.parse(fitko.token()).getJWTClaimsSet());
        withFileKey.sign(new MACSigner(Files.readString(keyFile).strip().getBytes(StandardCharsets.UTF_8)));
        // the file's key is the key: so it alone, not anything in the database, makes a token
        assertEquals(200, withToken(withFileKey.serialize()).status());
        Assumptions.assumeTrue(home.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
    }

    @Test
    void expiredButCorrectlySignedTokenAnswers401() throws Exception {
        Account nw = api.account(Role.STATE, StateCode.NW);
        JWTClaimsSet claims = SignedJWT.parse(nw.token()).getJWTClaimsSet();
        Instant now = Instant.now();

        JWTClaimsSet expired = new JWTClaimsSet.Builder(claims)
                .issueTime(Date.from(now.minus(Duration.ofHours(2))))
                .notBeforeTime(Date.from(now.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(now.minus(Duration.ofHours(1))))
                .build();
        JWTClaimsSet fresh = new JWTClaimsSet.Builder(claims)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(1))))
                .notBeforeTime(Date.from(now.minus(Duration.ofMinutes(1))))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .build();

        assertEquals(401, withToken(signing.sign(expired).serialize()).status());
        assertEquals(200, withToken(signing.sign(fresh).serialize()).status());
    }

    @Test
    void tamperedStateClaimAnswers401() throws Exception {
        Account nw = api.account(Role.STATE, StateCode.NW);
        Account fitko = api.account(Role.FITKO, null);
        long byId = api.create(fitko, api.application(StateCode.BY)).get("id").asLong();
        assertEquals(404, api.get(nw, "/api/applications/" + byId).status());

        String tampered = withClaim(nw.token(), "state", "BY");

        assertNotEquals(nw.token(), tampered);
        assertEquals("BY", part(tampered, 1).get("state").asText());
        assertEquals(401, api.send("GET", "/api/applications/" + byId, tampered, null, Map.of()).status());
        assertEquals(401, withToken(tampered).status());
    }

    @Test
    void tamperedRolesOrSubjectAnswer401() throws Exception {
        Account finance = api.account(Role.FINANCE, null);
        assertEquals(200, withToken(finance.token()).status());

        String promoted = withClaim(finance.token(), "roles", JSON.createArrayNode().add("FITKO"));
        String admin = withClaim(finance.token(), "roles", JSON.createArrayNode().add("ADMIN"));
        String otherUser = withClaim(finance.token(), "sub", "admin");

        assertEquals(401, api.send("POST", PROTECTED, promoted, api.application(StateCode.NW), Map.of()).status());
        assertEquals(401, api.send("GET", "/api/users", admin, null, Map.of()).status());
        assertEquals(401, api.send("GET", "/api/users", otherUser, null, Map.of()).status());
    }

    private Response withToken(String token) {
        return api.send("GET", PROTECTED, token, null, Map.of());
    }

    /** The token with one claim of its payload replaced; header and signature are kept. */
    private static String withClaim(String token, String claim, Object value) throws Exception {
        String[] parts = token.split("\\.");
        ObjectNode payload = (ObjectNode) part(token, 1);
        payload.set(claim, JSON.valueToTree(value));
        return parts[0] + "." + encode(JSON.writeValueAsString(payload)) + "." + parts[2];
    }

    private static JsonNode part(String token, int index) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String encode(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
