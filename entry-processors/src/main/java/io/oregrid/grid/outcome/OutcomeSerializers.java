package io.oregrid.grid.outcome;

import com.hazelcast.nio.serialization.compact.CompactSerializer;
import io.oregrid.grid.support.RecordSerializer;

import java.util.List;

/** Explicit Compact serializers of the outcome stream's key, value and processor; the type travels as its code. */
public final class OutcomeSerializers {

    private OutcomeSerializers() {
    }

    /** @return one serializer per record of this package */
    public static List<CompactSerializer<?>> all() {
        return List.of(
                RecordSerializer.of(OutcomeKey.class,
                        r -> new OutcomeKey(r.readString("eventId"), r.readString("playerId")),
                        (w, k) -> {
                            w.writeString("eventId", k.eventId());
                            w.writeString("playerId", k.playerId());
                        }),
                RecordSerializer.of(GridOutcome.class,
                        r -> new GridOutcome(r.readString("eventId"), OutcomeType.of(r.readInt32("type")),
                                r.readString("playerId"), r.readString("cellToken"), r.readFloat64("lat"),
                                r.readFloat64("lng"), r.readInt64("value"), r.readInt64("atMs")),
                        (w, o) -> {
                            w.writeString("eventId", o.eventId());
                            w.writeInt32("type", o.type().code());
                            w.writeString("playerId", o.playerId());
                            w.writeString("cellToken", o.cellToken());
                            w.writeFloat64("lat", o.lat());
                            w.writeFloat64("lng", o.lng());
                            w.writeInt64("value", o.value());
                            w.writeInt64("atMs", o.atMs());
                        }),
                RecordSerializer.of(RecordOutcomeProcessor.class,
                        r -> new RecordOutcomeProcessor(r.readCompact("outcome")),
                        (w, p) -> w.writeCompact("outcome", p.outcome())));
    }
}
