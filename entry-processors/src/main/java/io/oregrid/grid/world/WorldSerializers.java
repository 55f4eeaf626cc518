package io.oregrid.grid.world;

import com.hazelcast.nio.serialization.compact.CompactSerializer;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.support.RecordSerializer;

import java.util.List;

/** The explicit Compact serializers of {@link WorldDelta} and of {@link WorldDeltas}, the topic's message; the kind travels as an int. */
public final class WorldSerializers {
    private static final WorldDelta.Kind[] KINDS = WorldDelta.Kind.values();

    private WorldSerializers() {
    }

    /** @return the serializers of this package */
    public static List<CompactSerializer<?>> all() {
        return List.of(RecordSerializer.of(WorldDelta.class,
                r -> new WorldDelta(KINDS[r.readInt32("kind")], r.readString("cellToken"), r.readString("previousCell"),
                        r.readCompact("presence"), r.readInt64("acceptedFixes"), r.readArrayOfString("left"),
                        r.readString("coinId"), r.readString("collectedBy"), r.readArrayOfCompact("appeared", Coin.class)),
                (w, d) -> {
                    w.writeInt32("kind", d.kind().ordinal());
                    w.writeString("cellToken", d.cellToken());
                    w.writeString("previousCell", d.previousCell());
                    w.writeCompact("presence", d.presence());
                    w.writeInt64("acceptedFixes", d.acceptedFixes());
                    w.writeArrayOfString("left", d.left());
                    w.writeString("coinId", d.coinId());
                    w.writeString("collectedBy", d.collectedBy());
                    w.writeArrayOfCompact("appeared", d.appeared());
                }),
                RecordSerializer.of(WorldDeltas.class, r -> new WorldDeltas(r.readArrayOfCompact("deltas", WorldDelta.class)),
                        (w, b) -> w.writeArrayOfCompact("deltas", b.deltas())));
    }
}
