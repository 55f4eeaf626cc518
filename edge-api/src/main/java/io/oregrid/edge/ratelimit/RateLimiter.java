package io.oregrid.edge.ratelimit;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.oregrid.edge.auth.Principal;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.ErrorCode;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.config.OreConfig;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The distributed rate limits of SPEC "Rate limits", shared by every edge node through the grid:
 * Bucket4j token buckets in {@link GridMaps#RATE_LIMITS}, each call one Bucket4j entry processor
 * on the bucket's partition, timed by the game clock (Bucket4j's client-side clock).
 *
 * <ul>
 *   <li>location updates per player: {@code locationMaxUpdatesPerMinute} (2) → 429 LOCATION_RATE_LIMIT;</li>
 *   <li>authenticated requests per user: {@code rateLimitPerMinute} (60), Genesis
 *       {@code genesisRateLimitPerMinute} (120) → 429 RATE_LIMIT_EXCEEDED;</li>
 *   <li>{@code /api/v1/auth/*} requests per client IP: {@code authRateLimitPerMinute} (300) → 429
 *       RATE_LIMIT_EXCEEDED;</li>
 *   <li>the per-account login lockout, {@link LoginLockout}.</li>
 * </ul>
 * Each bucket holds N tokens and refills N per minute greedily (smoothly), so a burst of N is
 * allowed and then one request per 60/N seconds. Every request takes a token before it is
 * handled, whatever its outcome. A refusal carries {@code Retry-After}: whole seconds, rounded
 * up, of game time until the next token, and counts on {@code ore_rate_limited_total{limit}}.
 *
 * <p>The client IP is the TCP peer address ({@code ctx.ip()}); behind a reverse proxy every client
 * shares the proxy's address unless the proxy's forwarding headers are made trusted first.
 *
 * <p>Bucket entries expire one minute of real time after they would be full again, which is never
 * before the game clock refills them at real or faster speed.
 */
public final class RateLimiter {
    /** Micrometer name of the refusal counter, label {@code limit}. */
    public static final String REFUSALS_METRIC = "ore_rate_limited_total";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final ProxyManager<String> buckets;
    private final Map<Limit, Counter> refusals = new EnumMap<>(Limit.class);
    private final BucketConfiguration location;
    private final int userPerMinute;
    private final int genesisPerMinute;
    private final BucketConfiguration user;
    private final BucketConfiguration genesisUser;
    private final BucketConfiguration authIp;
    private final LoginLockout loginLockout;

    /**
     * @param config the limits
     * @param clock  the game clock every refill follows
     * @param hz     a member or client whose serialization has
     *               {@code RateLimitGridConfig.apply} (Bucket4j's serializers)
     * @param meters registry of the refusal counters
     */
    public RateLimiter(OreConfig config, GameClock clock, HazelcastInstance hz, MeterRegistry meters) {
        IMap<String, byte[]> map = hz.getMap(GridMaps.RATE_LIMITS);
        this.buckets = Bucket4jHazelcast.entryProcessorBasedBuilder(map)
                .clientClock(new GameClockTimeMeter(clock))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(MINUTE))
                .build();
        for (Limit limit : Limit.values()) {
            refusals.put(limit, meters.counter(REFUSALS_METRIC, "limit", limit.tag()));
        }
        this.location = perMinute(config.locationMaxUpdatesPerMinute());
        this.userPerMinute = config.rateLimitPerMinute();
        this.genesisPerMinute = config.genesisRateLimitPerMinute();
        this.user = perMinute(userPerMinute);
        this.genesisUser = perMinute(genesisPerMinute);
        this.authIp = perMinute(config.authRateLimitPerMinute());
        this.loginLockout = new LoginLockout(buckets, config.loginMaxFailures(), config.loginLockoutS(),
                refusals.get(Limit.LOGIN_LOCKOUT));
    }

    /**
     * Takes one location-update token of {@code playerId}.
     *
     * @throws ApiException 429 LOCATION_RATE_LIMIT with {@code Retry-After} beyond the per-minute limit
     */
    public void checkLocation(String playerId) {
        take(Limit.LOCATION, playerId, location, ErrorCode.LOCATION_RATE_LIMIT,
                "too many location updates; the limit is per player per minute");
    }

    /**
     * A before-handler for {@code /api/v1/*}, after the auth filter: takes one token of the caller's
     * per-user bucket (Genesis: the larger one); requests without a principal pass untouched.
     * Refusal: 429 RATE_LIMIT_EXCEEDED with {@code Retry-After}.
     */
    public Handler userLimitFilter() {
        return this::limitUser;
    }

    /**
     * A before-handler for {@code /api/v1/auth/*}: takes one token of the client IP's bucket.
     * Refusal: 429 RATE_LIMIT_EXCEEDED with {@code Retry-After}.
     */
    public Handler authIpLimitFilter() {
        return ctx -> take(Limit.AUTH_IP, ctx.ip(), authIp, ErrorCode.RATE_LIMIT_EXCEEDED,
                "too many authentication requests from this address");
    }

    /** @return the per-account login lockout the auth service consults */
    public LoginLockout loginLockout() {
        return loginLockout;
    }

    private void limitUser(Context ctx) {
        Principal caller = ctx.attribute(Principal.ATTRIBUTE);
        if (caller == null) {
            return;
        }
        int perMinute = caller.genesis() ? genesisPerMinute : userPerMinute;
        BucketConfiguration bucket = caller.genesis() ? genesisUser : user;
        take(Limit.USER, perMinute + ":" + caller.userId(), bucket, ErrorCode.RATE_LIMIT_EXCEEDED,
                "too many requests; the limit is " + perMinute + " per minute");
    }

    /** The bucket key carries the per-minute figure, so a user who becomes Genesis gets a fresh, larger bucket. */
    private void take(Limit limit, String subject, BucketConfiguration configuration, ErrorCode code, String message) {
        ConsumptionProbe probe = buckets.builder().build(limit.key(subject), () -> configuration)
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            refusals.get(limit).increment();
            throw ApiException.rateLimited(code, message, retryAfterS(probe.getNanosToWaitForRefill()));
        }
    }

    /** @return a bucket of {@code n} tokens refilled greedily at {@code n} per minute */
    static BucketConfiguration perMinute(int n) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(n).refillGreedy(n, MINUTE))
                .build();
    }

    /** @return {@code nanos} in whole seconds, rounded up (RFC 9110 §10.2.3 {@code Retry-After} is whole seconds) */
    static long retryAfterS(long nanos) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(nanos);
        return TimeUnit.SECONDS.toNanos(seconds) < nanos ? seconds + 1 : seconds;
    }
}
