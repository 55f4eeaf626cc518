package io.oregrid.grid.cell;

import com.hazelcast.nio.serialization.compact.CompactSerializer;
import io.oregrid.grid.support.RecordSerializer;

import java.util.List;

/**
 * Explicit Compact serializers of the cell records, processors and results (presence on every
 * move, claims on every collect), registered by {@code GridSerialization}. Enums travel as their
 * ordinal.
 */
public final class CellSerializers {
    private static final CoinType[] TYPES = CoinType.values();
    private static final ClaimState[] STATES = ClaimState.values();
    private static final ClaimResult.Outcome[] OUTCOMES = ClaimResult.Outcome.values();

    private CellSerializers() {
    }

    /** @return one serializer per record of this package that travels */
    public static List<CompactSerializer<?>> all() {
        return List.of(
                RecordSerializer.of(Presence.class,
                        r -> new Presence(r.readString("playerId"), r.readString("username"), r.readFloat64("lat"),
                                r.readFloat64("lng"), r.readInt64("timestampMs")),
                        (w, p) -> {
                            w.writeString("playerId", p.playerId());
                            w.writeString("username", p.username());
                            w.writeFloat64("lat", p.lat());
                            w.writeFloat64("lng", p.lng());
                            w.writeInt64("timestampMs", p.timestampMs());
                        }),
                RecordSerializer.of(CellPresence.class,
                        r -> new CellPresence(r.readString("token"), r.readArrayOfCompact("present", Presence.class)),
                        (w, c) -> {
                            w.writeString("token", c.token());
                            w.writeArrayOfCompact("present", c.present());
                        }),
                RecordSerializer.of(EnterCellProcessor.class,
                        r -> new EnterCellProcessor(r.readString("playerId"), r.readString("username"),
                                r.readFloat64("lat"), r.readFloat64("lng"), r.readInt64("timestampMs"),
                                r.readInt64("nowMs"), r.readInt64("staleMs")),
                        (w, p) -> {
                            w.writeString("playerId", p.playerId());
                            w.writeString("username", p.username());
                            w.writeFloat64("lat", p.lat());
                            w.writeFloat64("lng", p.lng());
                            w.writeInt64("timestampMs", p.timestampMs());
                            w.writeInt64("nowMs", p.nowMs());
                            w.writeInt64("staleMs", p.staleMs());
                        }),
                RecordSerializer.of(LeaveCellProcessor.class,
                        r -> new LeaveCellProcessor(r.readString("playerId"), r.readInt64("timestampMs")),
                        (w, p) -> {
                            w.writeString("playerId", p.playerId());
                            w.writeInt64("timestampMs", p.timestampMs());
                        }),
                RecordSerializer.of(PresenceBatchProcessor.class,
                        r -> new PresenceBatchProcessor(r.readArrayOfString("enterCells"),
                                r.readArrayOfCompact("enters", EnterCellProcessor.class), r.readArrayOfString("leaveCells"),
                                r.readArrayOfCompact("leaves", LeaveCellProcessor.class)),
                        (w, p) -> {
                            w.writeArrayOfString("enterCells", p.enterCells());
                            w.writeArrayOfCompact("enters", p.enters());
                            w.writeArrayOfString("leaveCells", p.leaveCells());
                            w.writeArrayOfCompact("leaves", p.leaves());
                        }),
                RecordSerializer.of(PresenceChange.class,
                        r -> new PresenceChange(r.readBoolean("placed"), r.readArrayOfString("dropped")),
                        (w, c) -> {
                            w.writeBoolean("placed", c.placed());
                            w.writeArrayOfString("dropped", c.dropped());
                        }),
                RecordSerializer.of(Coin.class,
                        r -> new Coin(r.readString("id"), r.readInt64("epoch"), r.readInt32("index"), r.readFloat64("lat"),
                                r.readFloat64("lng"), r.readInt32("value"), TYPES[r.readInt32("type")],
                                r.readInt64("spawnedAtMs"), r.readInt64("expiresAtMs")),
                        (w, c) -> {
                            w.writeString("id", c.id());
                            w.writeInt64("epoch", c.epoch());
                            w.writeInt32("index", c.index());
                            w.writeFloat64("lat", c.lat());
                            w.writeFloat64("lng", c.lng());
                            w.writeInt32("value", c.value());
                            w.writeInt32("type", c.type().ordinal());
                            w.writeInt64("spawnedAtMs", c.spawnedAtMs());
                            w.writeInt64("expiresAtMs", c.expiresAtMs());
                        }),
                RecordSerializer.of(CoinClaim.class,
                        r -> new CoinClaim(r.readString("coinId"), r.readInt64("epoch"), r.readInt32("index"),
                                STATES[r.readInt32("state")], r.readString("playerId"), r.readString("key"),
                                r.readInt64("credit"), r.readInt64("claimedAtMs"), r.readInt64("expiresAtMs")),
                        (w, c) -> {
                            w.writeString("coinId", c.coinId());
                            w.writeInt64("epoch", c.epoch());
                            w.writeInt32("index", c.index());
                            w.writeInt32("state", c.state().ordinal());
                            w.writeString("playerId", c.playerId());
                            w.writeString("key", c.key());
                            w.writeInt64("credit", c.credit());
                            w.writeInt64("claimedAtMs", c.claimedAtMs());
                            w.writeInt64("expiresAtMs", c.expiresAtMs());
                        }),
                RecordSerializer.of(CellClaims.class,
                        r -> new CellClaims(r.readString("token"), r.readArrayOfCompact("claims", CoinClaim.class),
                                r.readInt64("oldestPendingAtMs")),
                        (w, c) -> {
                            w.writeString("token", c.token());
                            w.writeArrayOfCompact("claims", c.claims());
                            w.writeInt64("oldestPendingAtMs", c.oldestPendingAtMs());
                        }),
                RecordSerializer.of(ClaimCoinProcessor.class,
                        r -> new ClaimCoinProcessor(r.readString("coinId"), r.readCompact("coin"), r.readString("playerId"),
                                r.readString("key"), r.readFloat64("playerLat"), r.readFloat64("playerLng"),
                                r.readFloat64("rangeM"), r.readFloat64("multiplier"), r.readInt64("nowMs"),
                                r.readInt32("density")),
                        (w, p) -> {
                            w.writeString("coinId", p.coinId());
                            w.writeCompact("coin", p.coin());
                            w.writeString("playerId", p.playerId());
                            w.writeString("key", p.key());
                            w.writeFloat64("playerLat", p.playerLat());
                            w.writeFloat64("playerLng", p.playerLng());
                            w.writeFloat64("rangeM", p.rangeM());
                            w.writeFloat64("multiplier", p.multiplier());
                            w.writeInt64("nowMs", p.nowMs());
                            w.writeInt32("density", p.density());
                        }),
                RecordSerializer.of(ClaimResult.class,
                        r -> new ClaimResult(OUTCOMES[r.readInt32("outcome")], r.readCompact("claim"),
                                r.readFloat64("distanceM"), r.readInt32("appearedIndex")),
                        (w, c) -> {
                            w.writeInt32("outcome", c.outcome().ordinal());
                            w.writeCompact("claim", c.claim());
                            w.writeFloat64("distanceM", c.distanceM());
                            w.writeInt32("appearedIndex", c.appearedIndex());
                        }),
                RecordSerializer.of(MarkCreditedProcessor.class,
                        r -> new MarkCreditedProcessor(r.readString("coinId"), r.readString("key")),
                        (w, p) -> {
                            w.writeString("coinId", p.coinId());
                            w.writeString("key", p.key());
                        }),
                RecordSerializer.of(ReleaseClaimProcessor.class,
                        r -> new ReleaseClaimProcessor(r.readString("coinId"), r.readString("playerId"), r.readString("key")),
                        (w, p) -> {
                            w.writeString("coinId", p.coinId());
                            w.writeString("playerId", p.playerId());
                            w.writeString("key", p.key());
                        }));
    }
}
