package io.oregrid.grid.player;

import com.hazelcast.nio.serialization.compact.CompactSerializer;
import io.oregrid.grid.support.RecordSerializer;

import java.util.List;

/**
 * Explicit Compact serializers of the collect's credit step (every collect), registered by
 * {@code GridSerialization}. Enums travel as their ordinal.
 */
public final class PlayerSerializers {
    private static final CreditResult.Outcome[] OUTCOMES = CreditResult.Outcome.values();

    private PlayerSerializers() {
    }

    /** @return one serializer per record of this package that travels */
    public static List<CompactSerializer<?>> all() {
        return List.of(
                RecordSerializer.of(CollectRecord.class,
                        r -> new CollectRecord(r.readString("key"), r.readString("coinId"), r.readInt64("credited"),
                                r.readInt64("balanceAfter"), r.readInt64("creditedAtMs")),
                        (w, c) -> {
                            w.writeString("key", c.key());
                            w.writeString("coinId", c.coinId());
                            w.writeInt64("credited", c.credited());
                            w.writeInt64("balanceAfter", c.balanceAfter());
                            w.writeInt64("creditedAtMs", c.creditedAtMs());
                        }),
                RecordSerializer.of(PlayerState.class,
                        r -> new PlayerState(r.readString("playerId"), r.readInt64("balance"), r.readInt64("coinsCollected"),
                                r.readArrayOfCompact("recentCollects", CollectRecord.class)),
                        (w, p) -> {
                            w.writeString("playerId", p.playerId());
                            w.writeInt64("balance", p.balance());
                            w.writeInt64("coinsCollected", p.coinsCollected());
                            w.writeArrayOfCompact("recentCollects", p.recentCollects());
                        }),
                RecordSerializer.of(CreditCoinProcessor.class,
                        r -> new CreditCoinProcessor(r.readString("key"), r.readString("coinId"), r.readInt64("credit"),
                                r.readInt64("nowMs"), r.readInt64("keepMs")),
                        (w, p) -> {
                            w.writeString("key", p.key());
                            w.writeString("coinId", p.coinId());
                            w.writeInt64("credit", p.credit());
                            w.writeInt64("nowMs", p.nowMs());
                            w.writeInt64("keepMs", p.keepMs());
                        }),
                RecordSerializer.of(CreditResult.class,
                        r -> new CreditResult(OUTCOMES[r.readInt32("outcome")], r.readCompact("record")),
                        (w, c) -> {
                            w.writeInt32("outcome", c.outcome().ordinal());
                            w.writeCompact("record", c.record());
                        }));
    }
}
