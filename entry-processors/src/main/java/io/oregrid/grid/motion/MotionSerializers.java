package io.oregrid.grid.motion;

import com.hazelcast.nio.serialization.compact.CompactSerializer;
import io.oregrid.grid.support.RecordSerializer;

import java.util.List;

/**
 * Explicit Compact serializers of the location update's records, processors and results (the hot
 * path: every fix), registered by {@code GridSerialization}. Enums travel as their ordinal.
 */
public final class MotionSerializers {
    private static final MovementReason[] REASONS = MovementReason.values();
    private static final MotionResult.Outcome[] OUTCOMES = MotionResult.Outcome.values();

    private MotionSerializers() {
    }

    /** @return one serializer per hot record of this package */
    public static List<CompactSerializer<?>> all() {
        return List.of(
                RecordSerializer.of(Fix.class,
                        r -> new Fix(r.readFloat64("lat"), r.readFloat64("lng"), r.readFloat64("accuracyM"),
                                r.readInt64("timestampMs"), r.readNullableFloat64("speedMs"),
                                r.readNullableFloat64("headingDeg")),
                        (w, f) -> {
                            w.writeFloat64("lat", f.lat());
                            w.writeFloat64("lng", f.lng());
                            w.writeFloat64("accuracyM", f.accuracyM());
                            w.writeInt64("timestampMs", f.timestampMs());
                            w.writeNullableFloat64("speedMs", f.speedMs());
                            w.writeNullableFloat64("headingDeg", f.headingDeg());
                        }),
                RecordSerializer.of(TokenBucket.class,
                        r -> new TokenBucket(r.readFloat64("tokens"), r.readInt64("atMs")),
                        (w, b) -> {
                            w.writeFloat64("tokens", b.tokens());
                            w.writeInt64("atMs", b.atMs());
                        }),
                RecordSerializer.of(PlayerMotion.class,
                        r -> new PlayerMotion(r.readString("playerId"), r.readCompact("lastFix"), r.readString("cellToken"),
                                r.readFloat64("lastSpeedMs"), r.readInt64("acceptedFixes"), r.readArrayOfInt32("violations"),
                                r.readInt32("reputation"), r.readCompact("lastRefusedFix"), r.readInt64("lastRefusalAtMs"),
                                r.readCompact("requests"), r.readCompact("locations"), r.readCompact("presenceFix")),
                        (w, m) -> {
                            w.writeString("playerId", m.playerId());
                            w.writeCompact("lastFix", m.lastFix());
                            w.writeString("cellToken", m.cellToken());
                            w.writeFloat64("lastSpeedMs", m.lastSpeedMs());
                            w.writeInt64("acceptedFixes", m.acceptedFixes());
                            w.writeArrayOfInt32("violations", m.violations());
                            w.writeInt32("reputation", m.reputation());
                            w.writeCompact("lastRefusedFix", m.lastRefusedFix());
                            w.writeInt64("lastRefusalAtMs", m.lastRefusalAtMs());
                            w.writeCompact("requests", m.requests());
                            w.writeCompact("locations", m.locations());
                            w.writeCompact("presenceFix", m.presenceFix());
                        }),
                RecordSerializer.of(AntiCheatRules.class,
                        r -> new AntiCheatRules(r.readFloat64("maxSpeedMs"), r.readFloat64("maxAccelerationMs2"),
                                r.readFloat64("maxAccuracyM"), r.readInt64("maxFixAgeMs"), r.readInt64("maxClockSkewMs")),
                        (w, a) -> {
                            w.writeFloat64("maxSpeedMs", a.maxSpeedMs());
                            w.writeFloat64("maxAccelerationMs2", a.maxAccelerationMs2());
                            w.writeFloat64("maxAccuracyM", a.maxAccuracyM());
                            w.writeInt64("maxFixAgeMs", a.maxFixAgeMs());
                            w.writeInt64("maxClockSkewMs", a.maxClockSkewMs());
                        }),
                RecordSerializer.of(MotionLimits.class,
                        r -> new MotionLimits(r.readInt32("requestsPerMinute"), r.readInt32("locationsPerMinute"),
                                r.readFloat64("presenceRefreshM"), r.readInt64("presenceRefreshMs")),
                        (w, l) -> {
                            w.writeInt32("requestsPerMinute", l.requestsPerMinute());
                            w.writeInt32("locationsPerMinute", l.locationsPerMinute());
                            w.writeFloat64("presenceRefreshM", l.presenceRefreshM());
                            w.writeInt64("presenceRefreshMs", l.presenceRefreshMs());
                        }),
                RecordSerializer.of(UpdateMotionProcessor.class,
                        r -> new UpdateMotionProcessor(r.readCompact("fix"), r.readInt64("nowMs"), r.readCompact("rules"),
                                r.readInt32("cellLevel"), r.readCompact("limits")),
                        (w, p) -> {
                            w.writeCompact("fix", p.fix());
                            w.writeInt64("nowMs", p.nowMs());
                            w.writeCompact("rules", p.rules());
                            w.writeInt32("cellLevel", p.cellLevel());
                            w.writeCompact("limits", p.limits());
                        }),
                RecordSerializer.of(Verdict.class,
                        r -> {
                            int reason = r.readInt32("reason");
                            return new Verdict(reason < 0 ? null : REASONS[reason], r.readFloat64("measured"),
                                    r.readFloat64("limit"));
                        },
                        (w, v) -> {
                            w.writeInt32("reason", v.reason() == null ? -1 : v.reason().ordinal());
                            w.writeFloat64("measured", v.measured());
                            w.writeFloat64("limit", v.limit());
                        }),
                RecordSerializer.of(MotionResult.class,
                        r -> new MotionResult(OUTCOMES[r.readInt32("outcome")], r.readCompact("verdict"),
                                r.readString("cellToken"), r.readString("previousCell"), r.readInt64("acceptedFixes"),
                                r.readBoolean("presenceDue"), r.readInt64("retryAfterMs")),
                        (w, m) -> {
                            w.writeInt32("outcome", m.outcome().ordinal());
                            w.writeCompact("verdict", m.verdict());
                            w.writeString("cellToken", m.cellToken());
                            w.writeString("previousCell", m.previousCell());
                            w.writeInt64("acceptedFixes", m.acceptedFixes());
                            w.writeBoolean("presenceDue", m.presenceDue());
                            w.writeInt64("retryAfterMs", m.retryAfterMs());
                        }),
                RecordSerializer.of(HistoryFix.class,
                        r -> new HistoryFix(r.readFloat64("lat"), r.readFloat64("lng"), r.readFloat64("accuracyM"),
                                r.readInt64("timestampMs"), r.readString("cellToken")),
                        (w, f) -> {
                            w.writeFloat64("lat", f.lat());
                            w.writeFloat64("lng", f.lng());
                            w.writeFloat64("accuracyM", f.accuracyM());
                            w.writeInt64("timestampMs", f.timestampMs());
                            w.writeString("cellToken", f.cellToken());
                        }),
                RecordSerializer.of(LocationHistory.class,
                        r -> new LocationHistory(r.readString("playerId"), r.readArrayOfCompact("fixes", HistoryFix.class)),
                        (w, h) -> {
                            w.writeString("playerId", h.playerId());
                            w.writeArrayOfCompact("fixes", h.fixes());
                        }),
                RecordSerializer.of(OpenRequestProcessor.class,
                        r -> new OpenRequestProcessor(r.readInt64("nowMs"), r.readInt32("perMinute"),
                                r.readInt32("locationsPerMinute")),
                        (w, p) -> {
                            w.writeInt64("nowMs", p.nowMs());
                            w.writeInt32("perMinute", p.perMinute());
                            w.writeInt32("locationsPerMinute", p.locationsPerMinute());
                        }),
                RecordSerializer.of(RequestGate.class,
                        r -> new RequestGate(r.readInt64("retryAfterMs"), r.readBoolean("locationLimited"),
                                r.readCompact("position")),
                        (w, g) -> {
                            w.writeInt64("retryAfterMs", g.retryAfterMs());
                            w.writeBoolean("locationLimited", g.locationLimited());
                            w.writeCompact("position", g.position());
                        }),
                RecordSerializer.of(AppendHistoryProcessor.class,
                        r -> new AppendHistoryProcessor(r.readCompact("fix"), r.readInt32("max")),
                        (w, p) -> {
                            w.writeCompact("fix", p.fix());
                            w.writeInt32("max", p.max());
                        }),
                RecordSerializer.of(AppendHistoryBatchProcessor.class,
                        r -> new AppendHistoryBatchProcessor(r.readArrayOfString("players"),
                                r.readArrayOfCompact("fixes", HistoryFix.class), r.readInt32("max")),
                        (w, p) -> {
                            w.writeArrayOfString("players", p.players());
                            w.writeArrayOfCompact("fixes", p.fixes());
                            w.writeInt32("max", p.max());
                        }));
    }
}
