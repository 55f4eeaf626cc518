package io.oregrid.edge.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.oregrid.node.traces.TracePoint;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One player replaying one trip: its fixes at the client cadence, shifted so that the first lands
 * on the node's present when the player starts, sent one after another like a phone would. After each
 * accepted fix the player looks for coins and collects those within its auto-collect range.
 */
final class PlayerReplay {
    private final String trackId;
    private final List<TracePoint> fixes;
    private final long shiftMs;
    private final PlayerSession session;
    private final OreApiClient api;
    private final DemoStats stats;
    private final DemoOptions options;
    /** Coins this player collected or was told are gone; not asked for again. */
    private final Set<String> settledCoins = new HashSet<>();
    private int next;

    /**
     * @param trackId     the trip's id (for messages)
     * @param fixes       the trip at the client cadence, oldest first, not empty
     * @param start       node time the first fix is due at, epoch ms
     */
    PlayerReplay(String trackId, List<TracePoint> fixes, long start, PlayerSession session,
                 OreApiClient api, DemoStats stats, DemoOptions options) {
        this.trackId = trackId;
        this.fixes = List.copyOf(fixes);
        this.shiftMs = start - fixes.get(0).timeMs();
        this.session = session;
        this.api = api;
        this.stats = stats;
        this.options = options;
    }

    String trackId() {
        return trackId;
    }

    /** @return whether every fix has been sent */
    boolean done() {
        return next >= fixes.size();
    }

    /** @return node time the next fix is due at (its trace time shifted to the node's present), epoch ms */
    long nextDueMs() {
        return fixes.get(next).timeMs() + shiftMs;
    }

    /**
     * Sends the next fix stamped with its due time, counts the outcome and, when accepted, collects
     * the coins in range. Call only when the node clock has reached {@link #nextDueMs()}.
     *
     * @param nowMs the node clock now, epoch ms (to measure how late the fix leaves)
     */
    void sendNextFix(long nowMs) {
        TracePoint point = fixes.get(next);
        long timestamp = nextDueMs();
        next++;
        OreApiClient.LocationUpdate fix = new OreApiClient.LocationUpdate(point.lat(), point.lng(), options.accuracyM(), timestamp);
        stats.fixSent(nowMs - timestamp);
        ApiResponse response = session.call(token -> api.updateLocation(token, fix));
        if (response.status() == 200) {
            stats.fixAccepted();
            collectCoinsInRange();
        } else if (response.status() == 422 && "MOVEMENT_REJECTED".equals(response.code())) {
            String reason = response.text("reason");
            stats.fixRefused(reason == null ? "UNKNOWN" : reason);
        } else if (response.status() == 429) {
            stats.fixRateLimited(response.code());
        } else {
            stats.fixFailed(response.code());
        }
    }

    private void collectCoinsInRange() {
        ApiResponse nearby = session.call(token -> api.coinsNearby(token, options.nearbyRadiusM()));
        if (!nearby.ok()) {
            stats.callFailed(DemoEndpoint.COINS_NEARBY, nearby.code());
            return;
        }
        double range = session.collectRangeM();
        for (JsonNode coin : nearby.body().path("coins")) {
            String id = coin.path("id").asText();
            stats.coinSeen(id);
            if (coin.path("distance_m").asDouble(Double.MAX_VALUE) <= range && !settledCoins.contains(id)) {
                collect(id);
            }
        }
    }

    private void collect(String coinId) {
        String idempotencyKey = UUID.randomUUID().toString();
        ApiResponse response = session.call(token -> api.collect(token, coinId, idempotencyKey));
        if (response.ok()) {
            settledCoins.add(coinId);
            stats.coinCollected(response.body().path("value").asLong());
            return;
        }
        String code = response.code();
        stats.collectRefused(code);
        if (code.equals("COIN_ALREADY_COLLECTED") || code.equals("COIN_NOT_FOUND") || code.equals("COIN_EXPIRED")) {
            settledCoins.add(coinId);
        }
    }
}
