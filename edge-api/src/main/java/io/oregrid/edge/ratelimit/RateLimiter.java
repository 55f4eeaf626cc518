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
import io.oregrid.grid.motion.PlayerMotion;
import io.oregrid.grid.motion.OpenRequestProcessor;
import io.oregrid.grid.motion.RequestGate;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.grid.GridGateway;
import io.oregrid.node.grid.GridMap;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.concurrent.TimeUnit;

/**
 * The distributed rate limits of SPEC "Rate limits", shared by every edge node through the grid:
 * <ul>
 *   <li>authenticated requests per user: {@code rateLimitPerMinute} (60), Genesis
 *       {@code genesisRateLimitPerMinute} (120) → 429 RATE_LIMIT_EXCEEDED — a token bucket inside the
 *       player's {@code player-motion} entry. A location update takes it in the one partition operation it
 *       makes anyway ({@code UpdateMotionProcessor}; its route is named in {@link #userLimitFilter}'s
 *       {@code folded} set), a collect in the operation that also reads the caller's position
 *       ({@code OpenRequestProcessor}, from {@code CoinService}); every other request takes it here with
 *       one {@code OpenRequestProcessor};</li>
 *   <li>location updates per player: {@code locationMaxUpdatesPerMinute} (2) → 429 LOCATION_RATE_LIMIT,
 *       the second bucket of that entry, taken by {@code UpdateMotionProcessor} ({@link #locationRefusal});</li>
 *   <li>{@code /api/v1/auth/*} requests per client IP: {@code authRateLimitPerMinute} (300) → 429
 *       RATE_LIMIT_EXCEEDED — Bucket4j, in {@link GridMaps#RATE_LIMITS};</li>
 *   <li>the per-account login lockout, {@link LoginLockout} (Bucket4j).</li>
 * </ul>
 * Each bucket holds N tokens and refills N per minute greedily (smoothly), so a burst of N is
 * allowed and then one request per 60/N seconds. Every request takes a token before it is
 * handled, whatever its outcome. A refusal carries {@code Retry-After}: whole seconds, rounded
 * up, of game time until the next token, and counts on {@code ore_rate_limited_total{limit}}.
 * Every bucket lives in exactly one partition, so N edge nodes share it with no overshoot.
 *
 * <p>The client IP is the TCP peer address ({@code ctx.ip()}); behind a reverse proxy every client
 * shares the proxy's address unless the proxy's forwarding headers are made trusted first.
 *
 * <p>Bucket4j entries expire one minute of real time after they would be full again, which is never
 * before the game clock refills them at real or faster speed.
 */
public final class RateLimiter {
    /** Micrometer name of the refusal counter, label {@code limit}. */
    public static final String REFUSALS_METRIC = "ore_rate_limited_total";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final ProxyManager<String> buckets;
    private final GridGateway grid;
    private final GridMap<String, PlayerMotion> motion;
    private final GameClock clock;
    private final Map<Limit, Counter> refusals = new EnumMap<>(Limit.class);
    private final int userPerMinute;
    private final int locationPerMinute;
    private final int genesisPerMinute;
    private final BucketConfiguration authIp;
    private final LoginLockout loginLockout;

    /**
     * @param config the limits
     * @param clock  the game clock every refill follows
     * @param grid   the gateway of a member or client whose serialization has
     *               {@code RateLimitGridConfig.apply} (Bucket4j's serializers)
     * @param meters registry of the refusal counters
     */
    public RateLimiter(OreConfig config, GameClock clock, GridGateway grid, MeterRegistry meters) {
        IMap<String, byte[]> map = grid.hazelcast().getMap(GridMaps.RATE_LIMITS);
        this.buckets = Bucket4jHazelcast.entryProcessorBasedBuilder(map)
                .clientClock(new GameClockTimeMeter(clock))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(MINUTE))
                .build();
        this.grid = grid;
        this.motion = grid.map(GridMaps.PLAYER_MOTION);
        this.clock = clock;
        for (Limit limit : Limit.values()) {
            refusals.put(limit, meters.counter(REFUSALS_METRIC, "limit", limit.tag()));
        }
        this.userPerMinute = config.rateLimitPerMinute();
        this.locationPerMinute = config.locationMaxUpdatesPerMinute();
        this.genesisPerMinute = config.genesisRateLimitPerMinute();
        this.authIp = perMinute(config.authRateLimitPerMinute());
        this.loginLockout = new LoginLockout(buckets, grid, config.loginMaxFailures(), config.loginLockoutS(),
                refusals.get(Limit.LOGIN_LOCKOUT));
    }

    /** @return the caller's per-user limit per minute (Genesis: the larger one) */
    public int perMinute(Principal caller) {
        return caller.genesis() ? genesisPerMinute : userPerMinute;
    }

    /**
     * The refusal of a location update whose per-player limit had no token (counted).
     *
     * @param retryAfterMs node ms until the next token
     */
    public ApiException locationRefusal(long retryAfterMs) {
        refusals.get(Limit.LOCATION).increment();
        return ApiException.rateLimited(ErrorCode.LOCATION_RATE_LIMIT,
                "too many location updates; the limit is per player per minute", retryAfterMsS(retryAfterMs));
    }

    /**
     * The refusal of a request whose per-user limit had no token (counted).
     *
     * @param retryAfterMs node ms until the next token
     */
    public ApiException userRefusal(Principal caller, long retryAfterMs) {
        refusals.get(Limit.USER).increment();
        return ApiException.rateLimited(ErrorCode.RATE_LIMIT_EXCEEDED,
                "too many requests; the limit is " + perMinute(caller) + " per minute", retryAfterMsS(retryAfterMs));
    }

    /**
     * A before-handler for {@code /api/v1/*}, after the auth filter: takes one token of the caller's
     * per-user bucket; requests without a principal, and the routes in {@code folded} (whose own grid
     * operation takes the token), pass untouched. Refusal: 429 RATE_LIMIT_EXCEEDED with {@code Retry-After}.
     *
     * @param folded the requests whose own grid operation takes the token
     */
    public Handler userLimitFilter(Predicate<Context> folded) {
        return ctx -> {
            Principal caller = ctx.attribute(Principal.ATTRIBUTE);
            if (caller != null && !folded.test(ctx)) {
                takeUser(caller);
            }
        };
    }

    /**
     * Takes one token of the caller's per-user bucket (one blocking operation on their partition).
     *
     * @throws ApiException 429 RATE_LIMIT_EXCEEDED with {@code Retry-After}
     */
    public void takeUser(Principal caller) {
        take(caller, perMinute(caller), 0);
    }

    /**
     * Counts a location update refused before the grid (an invalid fix): one token of the per-player
     * location limit and, when {@code countsAsRequest}, of the per-user limit, in one blocking operation.
     *
     * @throws ApiException 429 RATE_LIMIT_EXCEEDED or LOCATION_RATE_LIMIT with {@code Retry-After} when a limit
     *                      has no token (it answers before the refusal)
     */
    public void takeLocation(Principal caller, boolean countsAsRequest) {
        take(caller, countsAsRequest ? perMinute(caller) : 0, locationPerMinute);
    }

    private void take(Principal caller, int perMinute, int locationsPerMinute) {
        RequestGate gate = motion.call(caller.userId(), new OpenRequestProcessor(clock.nowMs(), perMinute,
                locationsPerMinute));
        if (!gate.open()) {
            throw gate.locationLimited() ? locationRefusal(gate.retryAfterMs()) : userRefusal(caller, gate.retryAfterMs());
        }
    }

    /**
     * A before-handler for {@code /api/v1/auth/*}: takes one token of the client IP's bucket.
     * Refusal: 429 RATE_LIMIT_EXCEEDED with {@code Retry-After}.
     */
    public Handler authIpLimitFilter() {
        return ctx -> {
            ConsumptionProbe probe = grid.blocking(() -> buckets.builder().build(Limit.AUTH_IP.key(ctx.ip()), () -> authIp)
                    .tryConsumeAndReturnRemaining(1));
            if (!probe.isConsumed()) {
                refusals.get(Limit.AUTH_IP).increment();
                throw ApiException.rateLimited(ErrorCode.RATE_LIMIT_EXCEEDED,
                        "too many authentication requests from this address",
                        retryAfterS(probe.getNanosToWaitForRefill()));
            }
        };
    }

    /** @return the per-account login lockout the auth service consults */
    public LoginLockout loginLockout() {
        return loginLockout;
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

    private static long retryAfterMsS(long ms) {
        return retryAfterS(TimeUnit.MILLISECONDS.toNanos(ms));
    }
}
