package io.oregrid.grid;

import com.hazelcast.config.CompactSerializationConfig;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import io.oregrid.grid.cell.CellSerializers;
import io.oregrid.grid.chat.AppendChatProcessor;
import io.oregrid.grid.leaderboard.RecordScoreProcessor;
import io.oregrid.grid.motion.MotionSerializers;
import io.oregrid.grid.outcome.OutcomeSerializers;
import io.oregrid.grid.player.PlayerSerializers;
import io.oregrid.grid.world.WorldSerializers;
import io.oregrid.grid.liveops.AbandonRequestProcessor;
import io.oregrid.grid.liveops.BeginRequestProcessor;
import io.oregrid.grid.liveops.ClaimRewardProcessor;
import io.oregrid.grid.liveops.CompleteRequestProcessor;
import io.oregrid.grid.liveops.IngestEventProcessor;
import io.oregrid.grid.liveops.UnblockPlayerProcessor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Serialization of the grid's own classes. The hot path — the location update, the cell presence,
 * the collect and the outcome stream — has explicit {@code CompactSerializer}s (no reflection, enums
 * as ints; {@code MotionSerializers}, {@code CellSerializers}, {@code PlayerSerializers},
 * {@code OutcomeSerializers}). The other map values are records that Hazelcast serializes with
 * zero-config Compact. EntryProcessors are {@code Serializable} by interface, which would make
 * Hazelcast pick Java serialization (slow, and it refuses the Compact records they carry), so
 * every other processor is registered here explicitly for Compact; explicit registration takes
 * precedence over {@code Serializable}. Members and clients apply the same list.
 */
public final class GridSerialization {
    private static final List<Class<?>> PROCESSORS = Collections.synchronizedList(new ArrayList<>(List.of(
            AppendChatProcessor.class,
            BeginRequestProcessor.class, CompleteRequestProcessor.class, AbandonRequestProcessor.class,
            IngestEventProcessor.class, UnblockPlayerProcessor.class, ClaimRewardProcessor.class,
            RecordScoreProcessor.class)));

    private GridSerialization() {
    }

    /**
     * Adds processor classes of a feature (called from static set-up of that feature's wiring).
     *
     * @param classes EntryProcessor records to serialize with Compact
     */
    public static void registerProcessors(Class<?>... classes) {
        for (Class<?> c : classes) {
            if (!PROCESSORS.contains(c)) {
                PROCESSORS.add(c);
            }
        }
    }

    /** @return the explicit serializers of the hot path */
    public static List<CompactSerializer<?>> serializers() {
        List<CompactSerializer<?>> all = new ArrayList<>();
        all.addAll(MotionSerializers.all());
        all.addAll(CellSerializers.all());
        all.addAll(PlayerSerializers.all());
        all.addAll(OutcomeSerializers.all());
        all.addAll(WorldSerializers.all());
        return all;
    }

    /** Registers the hot path's serializers and every other processor class for Compact on a member's or client's config. */
    public static void apply(SerializationConfig serialization) {
        CompactSerializationConfig compact = serialization.getCompactSerializationConfig();
        for (CompactSerializer<?> s : serializers()) {
            compact.addSerializer(s);
        }
        synchronized (PROCESSORS) {
            for (Class<?> c : PROCESSORS) {
                compact.addClass(c);
            }
        }
    }
}
