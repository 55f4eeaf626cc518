package io.oregrid.edge.auth;

import io.oregrid.edge.testing.EdgeFixture;
import io.oregrid.edge.testing.Http;
import com.hazelcast.map.IMap;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.oregrid.edge.OreServer;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.ErrorCode;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.auth.Role;
import io.oregrid.grid.auth.SigningKeyRecord;
import io.oregrid.grid.auth.UserRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static io.oregrid.edge.testing.Http.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Verifies that the bearer filter accepts only RS256 tokens we signed, unexpired by the game clock,
 * for our issuer and audience: every forgery is 401 AUTH_INVALID_TOKEN, no header is 401 AUTH_MISSING.
 * Probes an unknown {@code /api/v1} route: 404 means the token passed the filter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenVerificationTest {
    private static final String PROBE = "/api/v1/probe";
    private EdgeFixture fx;
    private OreServer server;
    private Http http;
    private String validToken;
    private JWTClaimsSet validClaims;
    private SigningKeyRecord activeKey;

    @BeforeAll
    void start() throws Exception {
        fx = new EdgeFixture(Map.of("AUTH_RATE_LIMIT_PER_MINUTE", "100000", "RATE_LIMIT_PER_MINUTE", "100000"));
        server = fx.start();
        http = new Http(server.baseUrl());
        validToken = http.post("/api/v1/auth/register", obj("email", "tok@example.com", "username", "tok",
                "password", "password-1"), null).body().get("access_token").asText();
        validClaims = SignedJWT.parse(validToken).getJWTClaimsSet();
        IMap<String, SigningKeyRecord> keys = server.hazelcast().getMap(GridMaps.SIGNING_KEYS);
        activeKey = keys.get(SigningKeyRecord.ACTIVE_POINTER);
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    private void assertRefused(String token) {
        Http.Response r = http.get(PROBE, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("AUTH_INVALID_TOKEN");
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    }

    private RSAPrivateKey ourPrivateKey() throws Exception {
        byte[] der = Base64.getDecoder().decode(activeKey.privateKeyDer());
        return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    /** Signs {@code claims} with our real active key: only the claims can make it fail. */
    private String signedByUs(Consumer<JWTClaimsSet.Builder> edit) throws Exception {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder(validClaims);
        edit.accept(b);
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(activeKey.kid()).build(), b.build(),
                new RSASSASigner(ourPrivateKey()));
    }

    @Test
    void aValidTokenPassesAndForgingWithOurKeyIsAControlThatPassesToo() throws Exception {
        assertThat(http.get(PROBE, validToken).status()).isEqualTo(404);
        assertThat(http.get(PROBE, signedByUs(b -> { })).status()).isEqualTo(404);
    }

    @Test
    void missingOrNonBearerAuthorizationIsAuthMissing() {
        for (String header : new String[]{null, "Basic dXNlcjpwYXNz", "Token " + validToken}) {
            Http.Response r = http.getWithAuthorization(PROBE, header);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.code()).isEqualTo("AUTH_MISSING");
        }
        assertThat(http.getWithAuthorization(PROBE, "bearer " + validToken).status())
                .as("the scheme is case-insensitive (RFC 7235)").isEqualTo(404);
    }

    @Test
    void algNoneIsRefused() {
        String unsecured = new PlainJWT(validClaims).serialize();
        assertRefused(unsecured);
        String header = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"" + activeKey.kid() + "\"}").toString();
        String payload = validToken.split("\\.")[1];
        assertRefused(header + "." + payload + ".");
        assertRefused(header + "." + payload + "." + validToken.split("\\.")[2]);
    }

    @Test
    void hs256SignedWithOurPublicKeyIsRefused() throws Exception {
        byte[] publicDer = Base64.getDecoder().decode(activeKey.publicKeyDer());
        JWSHeader hs = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(activeKey.kid()).build();
        assertRefused(sign(hs, validClaims, new MACSigner(publicDer)));
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(publicDer)
                + "\n-----END PUBLIC KEY-----\n";
        assertRefused(sign(hs, validClaims, new MACSigner(pem.getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void hs256WithARandomSecretIsRefused() throws Exception {
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        assertRefused(sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(activeKey.kid()).build(), validClaims,
                new MACSigner(secret)));
    }

    @Test
    void unknownKidAndForeignKeyAreRefused() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        RSASSASigner foreign = new RSASSASigner(gen.generateKeyPair().getPrivate());
        assertRefused(sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("unknown-kid").build(), validClaims, foreign));
        assertRefused(sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(activeKey.kid()).build(), validClaims, foreign));
        assertRefused(sign(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), validClaims, new RSASSASigner(ourPrivateKey())));
        assertRefused(sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(SigningKeyRecord.ACTIVE_POINTER).build(),
                validClaims, new RSASSASigner(ourPrivateKey())));
    }

    @Test
    void otherRsaAlgorithmsAreRefused() throws Exception {
        assertRefused(sign(new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(activeKey.kid()).build(), validClaims,
                new RSASSASigner(ourPrivateKey())));
        assertRefused(sign(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(activeKey.kid()).build(), validClaims,
                new RSASSASigner(ourPrivateKey())));
    }

    @Test
    void wrongIssuerOrAudienceIsRefused() throws Exception {
        assertRefused(signedByUs(b -> b.issuer("someone-else")));
        assertRefused(signedByUs(b -> b.issuer(null)));
        assertRefused(signedByUs(b -> b.audience("another-platform")));
        assertRefused(signedByUs(b -> b.audience((String) null)));
    }

    @Test
    void missingOrMistypedClaimsAreRefused() throws Exception {
        assertRefused(signedByUs(b -> b.expirationTime(null)));
        assertRefused(signedByUs(b -> b.claim("user_id", null)));
        assertRefused(signedByUs(b -> b.subject(UUID.randomUUID().toString())));
        assertRefused(signedByUs(b -> b.claim("role", "superuser")));
        assertRefused(signedByUs(b -> b.claim("is_genesis", "yes")));
        assertRefused(signedByUs(b -> b.claim("bonus_multiplier", "2")));
    }

    @Test
    void tamperedPayloadIsRefused() {
        String[] parts = validToken.split("\\.");
        String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"role\":\"player\"", "\"role\":\"admin\"");
        assertThat(json).contains("\"role\":\"admin\"");
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        assertRefused(parts[0] + "." + payload + "." + parts[2]);
        assertRefused(parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA");
    }

    @Test
    void garbageIsRefused() {
        for (String garbage : new String[]{"garbage", "a.b.c", "...", "eyJhbGciOiJSUzI1NiJ9", "Bearer", "%%%.%%%.%%%"}) {
            assertRefused(garbage);
        }
        assertThat(http.getWithAuthorization(PROBE, "Bearer ").code()).isEqualTo("AUTH_INVALID_TOKEN");
    }

    @Test
    void expiryFollowsTheGameClock() throws Exception {
        TokenService tokens = server.auth().tokens();
        var user = new UserRecord(UUID.randomUUID().toString(), "exp@example.com", "exp", "x", Role.PLAYER, false, 0);
        long before = fx.now.get();
        try {
            AccessToken token = tokens.issue(user);
            fx.now.set(token.expiresAtMs() - 1);
            assertThat(http.get(PROBE, token.token()).status()).isEqualTo(404);
            fx.now.set(token.expiresAtMs());
            assertRefused(token.token());
            assertThatThrownBy(() -> tokens.verify(token.token()))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTH_INVALID_TOKEN));
            assertRefused(signedByUs(b -> b.expirationTime(new Date(fx.now.get() - Duration.ofSeconds(1).toMillis()))));
        } finally {
            fx.now.set(before);
        }
    }

    @Test
    void principalCarriesTheClaims() {
        Principal p = server.auth().tokens().verify(validToken);
        assertThat(p.userId()).isEqualTo(validClaims.getSubject());
        assertThat(p.username()).isEqualTo("tok");
        assertThat(p.email()).isEqualTo("tok@example.com");
        assertThat(p.role()).isEqualTo("player");
        assertThat(p.genesis()).isFalse();
        assertThat(p.bonusMultiplier()).isEqualTo(1.0);
        assertThat(p.autoCollectRangeM()).isEqualTo(10.0);
        assertThat(p.expiresAtMs()).isEqualTo(validClaims.getExpirationTime().getTime());
    }

    @Test
    void typHeaderIsJwt() throws Exception {
        assertThat(SignedJWT.parse(validToken).getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
    }
}
