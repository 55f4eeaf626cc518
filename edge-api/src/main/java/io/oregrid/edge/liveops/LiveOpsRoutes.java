package io.oregrid.edge.liveops;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.oregrid.edge.EdgeModule;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.ErrorCode;
import io.oregrid.edge.http.Json;
import io.oregrid.grid.liveops.BeginResult;
import io.oregrid.grid.liveops.IngestResult;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.liveops.EventSignatures;
import io.oregrid.node.liveops.HmacSha256;
import io.oregrid.node.liveops.IdempotencyKeys;
import io.oregrid.node.liveops.IncomingEvent;
import io.oregrid.node.liveops.LiveOpsService;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Game-server event ingestion (SPEC "Event ingestion and LiveOps", capabilities 6 and 7):
 * {@code POST /events}, in this order —
 * <ol>
 *   <li>{@code X-Signature} over the raw body ({@link EventSignatures}), before any parsing → 401
 *       SIGNATURE_INVALID; no secret configured → 503;</li>
 *   <li>{@code Content-Type: application/json} → 415; {@code Idempotency-Key} present (400
 *       IDEMPOTENCY_KEY_MISSING) and 1–64 visible ASCII characters (400);</li>
 *   <li>the body ({@link EventBodies}) → 400 naming the field;</li>
 *   <li>the key (draft-ietf-httpapi-idempotency-key-header): same key and body completed → the stored
 *       response with {@code Idempotent-Replayed: true}; still in flight → 409
 *       IDEMPOTENCY_IN_PROGRESS; another body → 422 IDEMPOTENCY_KEY_REUSED;</li>
 *   <li>the player's verdict: 202 {@code {"accepted":true,"event_id","status":"accepted"|"flagged"}}
 *       (a flagged event is held back as suspicious, with {@code anomaly_score}); 429
 *       EVENT_RATE_LIMIT with {@code Retry-After} (counted on {@code dropped_events_total}); 403
 *       PLAYER_BLOCKED. Flags count on {@code anomaly_flags_total}.</li>
 * </ol>
 * Only 202s are stored for replay; a refused request's key is released, so its retry is judged
 * afresh. Admins lift blocks with {@code POST /api/v1/admin/players/{id}/unblock} (the admin filter
 * of {@code /api/v1/admin/*} checks the role).
 */
public final class LiveOpsRoutes implements EdgeModule {
    /** Header carrying the client's key. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Set to {@code true} on a replayed response. */
    public static final String REPLAYED = "Idempotent-Replayed";
    /** Counter of events dropped for flooding (issue #6 name). */
    public static final String DROPPED_METRIC = "dropped_events_total";
    /** Counter of anomaly flags (issue #6 name). */
    public static final String FLAGS_METRIC = "anomaly_flags_total";
    private static final String SCOPE = "events";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,64}");

    private final LiveOpsService service;
    private final IdempotencyKeys keys;
    private final SignedRequests signed;
    private final GameClock clock;
    private final long toleranceS;
    private final MeterRegistry meters;

    /**
     * @param signatures verifier of {@code X-Signature}, or null when no secret is configured (503)
     * @param toleranceS signature tolerance, seconds (also how far {@code ts} may lie ahead)
     */
    public LiveOpsRoutes(LiveOpsService service, IdempotencyKeys keys, EventSignatures signatures, GameClock clock,
                         long toleranceS, long maxBodyBytes, MeterRegistry meters) {
        this.service = service;
        this.keys = keys;
        this.signed = new SignedRequests(signatures, maxBodyBytes);
        this.clock = clock;
        this.toleranceS = toleranceS;
        this.meters = meters;
        meters.counter(DROPPED_METRIC);
        meters.counter(FLAGS_METRIC);
    }

    @Override
    public void routes(RoutesConfig routes) {
        routes.post("/events", this::postEvent);
        routes.post("/api/v1/admin/players/{id}/unblock", this::unblock);
    }

    private void postEvent(Context ctx) {
        byte[] raw = signed.body(ctx);
        String key = ctx.header(IDEMPOTENCY_KEY);
        if (key == null || key.isEmpty()) {
            throw ApiException.of(ErrorCode.IDEMPOTENCY_KEY_MISSING, IDEMPOTENCY_KEY + " is required")
                    .with("field", IDEMPOTENCY_KEY);
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.invalid(IDEMPOTENCY_KEY, IDEMPOTENCY_KEY + " must be 1-64 visible ASCII characters");
        }
        IncomingEvent event = EventBodies.parse(raw, Math.floorDiv(clock.nowMs(), 1000L) + toleranceS);
        String owner = UUID.randomUUID().toString();
        BeginResult begun = keys.begin(SCOPE, key, HmacSha256.sha256Hex(raw), owner);
        switch (begun.outcome()) {
            case REPLAY -> {
                ctx.header(REPLAYED, "true");
                ctx.status(begun.status()).contentType("application/json").result(begun.body());
            }
            case IN_PROGRESS -> throw ApiException.of(ErrorCode.IDEMPOTENCY_IN_PROGRESS,
                    "a request with this " + IDEMPOTENCY_KEY + " is still being processed");
            case KEY_REUSED -> throw ApiException.of(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "this " + IDEMPOTENCY_KEY + " was used with a different body");
            case STARTED -> ingest(ctx, key, owner, event, IdempotencyKeys.effectId(SCOPE, key, begun.startedAtMs()));
        }
    }

    /** Runs the effect; an exception leaves the key in flight until its lease ends, so a retry finishes it. */
    private void ingest(Context ctx, String key, String owner, IncomingEvent event, String eventId) {
        IngestResult result = service.ingest(event, eventId);
        boolean flagged = result.outcome() == IngestResult.Outcome.FLAGGED;
        meters.counter("ore_events_total", "type", event.type().wireName(),
                "outcome", result.outcome().name()).increment();
        if (flagged && !result.replayed()) {
            meters.counter(FLAGS_METRIC).increment();
        }
        if (result.outcome() == IngestResult.Outcome.ACCEPTED || (flagged && !result.blocked())) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("accepted", true);
            body.put("event_id", eventId);
            body.put("status", flagged ? "flagged" : "accepted");
            if (flagged) {
                body.put("anomaly_score", Math.round(result.zScore() * 1000) / 1000.0);
            }
            String json = json(body);
            keys.complete(SCOPE, key, owner, 202, json);
            ctx.status(202).contentType("application/json").result(json);
            return;
        }
        keys.abandon(SCOPE, key, owner);
        if (result.outcome() == IngestResult.Outcome.DROPPED) {
            meters.counter(DROPPED_METRIC).increment();
            throw ApiException.rateLimited(ErrorCode.EVENT_RATE_LIMIT,
                    "too many events for this player; retry later", (result.retryAfterMs() + 999) / 1000);
        }
        throw ApiException.of(ErrorCode.PLAYER_BLOCKED, "this player is blocked pending review");
    }

    private void unblock(Context ctx) {
        String playerId = ctx.pathParam("id");
        boolean wasBlocked = service.unblock(playerId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("player_id", playerId);
        out.put("was_blocked", wasBlocked);
        out.put("blocked", false);
        ctx.json(out);
    }

    static String json(Object body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
