package io.oregrid.edge.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.ErrorCode;
import io.oregrid.grid.auth.Role;
import io.oregrid.grid.auth.UserRecord;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.config.OreConfig;

import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Issues and verifies the RS256 access tokens of SPEC "Auth" (RFC 7519 JWT, RFC 7515 JWS).
 *
 * <p>Claims: {@code sub} = {@code user_id}, {@code email}, {@code username}, {@code role},
 * {@code is_genesis}, {@code bonus_multiplier} (1.0, Genesis 2.0), {@code auto_collect_range}
 * (metres: config collectRangeM, Genesis genesisCollectRangeM), {@code iat}, {@code exp}
 * (accessTokenTtlS, Genesis genesisAccessTokenTtlS), {@code iss}, {@code aud}, {@code jti};
 * header {@code kid} and {@code typ: JWT}.
 *
 * <p>Verification pins the algorithm to RS256 before looking at anything else (RFC 8725 §3.1), so
 * {@code alg: none} and HMAC tokens, including HS256 keyed with our public key, are refused; the
 * {@code kid} must name a key of ours that is not retired; {@code exp} is checked against the
 * game clock (a token is dead from its {@code exp} second on), {@code iss} and {@code aud} against
 * the configuration. Every refusal is 401 AUTH_INVALID_TOKEN with the same message. Successful
 * verifications are remembered per node until any signing key changes ({@link VerifiedTokens}).
 */
public final class TokenService {
    private static final String INVALID = "invalid or expired access token";

    private final OreConfig config;
    private final GameClock clock;
    private final SigningKeys keys;
    private final VerifiedTokens verified = new VerifiedTokens(100_000, Duration.ofMinutes(15));

    /**
     * @param config issuer, audience, token lifetimes, collect ranges
     * @param clock  the game clock ({@code iat}, {@code exp} checks)
     * @param keys   the grid's signing keys
     */
    public TokenService(OreConfig config, GameClock clock, SigningKeys keys) {
        this.config = config;
        this.clock = clock;
        this.keys = keys;
    }

    /** @return a signed access token for {@code user}, issued now by the game clock */
    public AccessToken issue(UserRecord user) {
        long ttlS = user.genesis() ? config.genesisAccessTokenTtlS() : config.accessTokenTtlS();
        long iatS = TimeUnit.MILLISECONDS.toSeconds(clock.nowMs());
        long expS = iatS + ttlS;
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(user.id())
                .issuer(config.jwtIssuer())
                .audience(config.jwtAudience())
                .issueTime(new Date(TimeUnit.SECONDS.toMillis(iatS)))
                .expirationTime(new Date(TimeUnit.SECONDS.toMillis(expS)))
                .jwtID(UUID.randomUUID().toString())
                .claim("user_id", user.id())
                .claim("email", user.email())
                .claim("username", user.username())
                .claim("role", user.role().wireName())
                .claim("is_genesis", user.genesis())
                .claim("bonus_multiplier", user.genesis() ? 2.0 : 1.0)
                .claim("auto_collect_range", user.genesis() ? config.genesisCollectRangeM() : config.collectRangeM())
                .build();
        SigningKeys.SigningKey key = keys.active();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token with key " + key.kid(), e);
        }
        return new AccessToken(jwt.serialize(), key.kid(), TimeUnit.SECONDS.toMillis(expS), ttlS);
    }

    /**
     * @param token a compact JWS from an {@code Authorization: Bearer} header
     * @return the verified caller
     * @throws ApiException 401 AUTH_INVALID_TOKEN when malformed, not RS256, signed by an unknown or
     *                      retired key, badly signed, expired, or for another issuer or audience
     */
    public Principal verify(String token) {
        Principal principal = verifyIgnoringExpiry(token);
        if (clock.nowMs() >= principal.expiresAtMs()) {
            throw invalid();
        }
        return principal;
    }

    /**
     * Everything {@link #verify} checks except {@code exp}, for callers that must tell an expired
     * token from a bad one: the WebSocket handshake closes the first with 4003, the second with 4001
     * (SPEC "WebSocket {@code /ws}").
     *
     * @return the caller, whose {@link Principal#expiresAtMs()} the caller compares with the game clock
     * @throws ApiException 401 AUTH_INVALID_TOKEN as {@link #verify}, but never for expiry alone
     */
    public Principal verifyIgnoringExpiry(String token) {
        long generation = keys.generation(); // read before verifying: a key change meanwhile makes the entry stale
        Principal known = verified.get(token, generation);
        if (known != null) {
            return known;
        }
        Principal principal = verifySignatureAndClaims(token);
        verified.put(token, generation, principal);
        return principal;
    }

    private Principal verifySignatureAndClaims(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            if (!JWSAlgorithm.RS256.equals(header.getAlgorithm()) || header.getKeyID() == null) {
                throw invalid();
            }
            Optional<JWSVerifier> verifier = keys.verifier(header.getKeyID());
            if (verifier.isEmpty() || !jwt.verify(verifier.get())) {
                throw invalid();
            }
            return principal(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException e) {
            throw invalid();
        }
    }

    /** @return the JWK Set document of the RS256 public keys (RFC 7517 §5): {@code {"keys":[...]}} */
    public Map<String, Object> jwks() {
        return new JWKSet(List.copyOf(keys.publicKeys())).toJSONObject(true);
    }

    private Principal principal(JWTClaimsSet claims) throws ParseException {
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw invalid();
        }
        if (!config.jwtIssuer().equals(claims.getIssuer())
                || claims.getAudience() == null || !claims.getAudience().contains(config.jwtAudience())) {
            throw invalid();
        }
        String userId = claims.getStringClaim("user_id");
        String email = claims.getStringClaim("email");
        String username = claims.getStringClaim("username");
        Boolean genesis = claims.getBooleanClaim("is_genesis");
        Double multiplier = claims.getDoubleClaim("bonus_multiplier");
        Double range = claims.getDoubleClaim("auto_collect_range");
        Optional<Role> role = Role.fromWireName(claims.getStringClaim("role"));
        if (userId == null || !userId.equals(claims.getSubject()) || email == null || username == null
                || genesis == null || multiplier == null || range == null || role.isEmpty()) {
            throw invalid();
        }
        return new Principal(userId, email, username, role.get().wireName(), genesis, multiplier, range, exp.getTime());
    }

    private static ApiException invalid() {
        return ApiException.of(ErrorCode.AUTH_INVALID_TOKEN, INVALID);
    }
}
