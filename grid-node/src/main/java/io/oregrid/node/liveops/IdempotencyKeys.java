package io.oregrid.node.liveops;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.liveops.AbandonRequestProcessor;
import io.oregrid.grid.liveops.BeginRequestProcessor;
import io.oregrid.grid.liveops.BeginResult;
import io.oregrid.grid.liveops.CompleteRequestProcessor;
import io.oregrid.grid.liveops.IdempotencyRecord;
import io.oregrid.grid.support.GameClock;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Idempotency-Keys as draft-ietf-httpapi-idempotency-key-header specifies them, in the grid's
 * {@code idempotency} map keyed by (caller scope, key): {@link #begin} atomically moves a key
 * NEW → IN_FLIGHT for one request (storing the body's fingerprint), {@link #complete} stores the
 * final response (DONE) for replays, {@link #abandon} forgets a refused request so its retry is
 * judged afresh. Keys are kept {@code ttlMs} of node time (SPEC: 24 h); an in-flight key whose
 * request died is taken over after {@code leaseMs}.
 */
public final class IdempotencyKeys {
    private final IMap<String, IdempotencyRecord> map;
    private final GameClock clock;
    private final long leaseMs;
    private final long ttlMs;

    /**
     * @param leaseMs how long an in-flight key answers 409 before a retry may take it over, ms
     * @param ttlMs   how long a key is kept, ms
     */
    public IdempotencyKeys(HazelcastInstance hz, GameClock clock, long leaseMs, long ttlMs) {
        this.map = hz.getMap(GridMaps.IDEMPOTENCY);
        this.clock = clock;
        this.leaseMs = leaseMs;
        this.ttlMs = ttlMs;
    }

    /**
     * @param scope       the caller (e.g. {@code events})
     * @param key         the client's Idempotency-Key
     * @param fingerprint hex SHA-256 of the request body
     * @param owner       this request's unique id
     * @return STARTED (go ahead), IN_PROGRESS (409), REPLAY (stored response) or KEY_REUSED (422)
     */
    public BeginResult begin(String scope, String key, String fingerprint, String owner) {
        return map.executeOnKey(mapKey(scope, key),
                new BeginRequestProcessor(fingerprint, owner, clock.nowMs(), leaseMs, ttlMs));
    }

    /** Stores the final response of {@code owner}'s request for replays. */
    public void complete(String scope, String key, String owner, int status, String body) {
        map.executeOnKey(mapKey(scope, key), new CompleteRequestProcessor(owner, status, body, ttlMs));
    }

    /** Forgets {@code owner}'s in-flight key after a refusal. */
    public void abandon(String scope, String key, String owner) {
        map.executeOnKey(mapKey(scope, key), new AbandonRequestProcessor(owner));
    }

    /**
     * The id of the effect a key's request produces: name-based (RFC 9562 §5.3) on (scope, key,
     * start of the key's first request), so every retry of that request names the same effect and
     * a key reused after it expired names a new one.
     */
    public static String effectId(String scope, String key, long startedAtMs) {
        return UUID.nameUUIDFromBytes((scope + "|" + key + "|" + startedAtMs).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String mapKey(String scope, String key) {
        return scope + "|" + key;
    }
}
