package io.oregrid.grid;

import com.hazelcast.config.CompactSerializationConfig;
import com.hazelcast.config.SerializationConfig;
import io.oregrid.grid.cell.ClaimCoinProcessor;
import io.oregrid.grid.cell.EnterCellProcessor;
import io.oregrid.grid.cell.LeaveCellProcessor;
import io.oregrid.grid.cell.MarkCreditedProcessor;
import io.oregrid.grid.cell.ReleaseClaimProcessor;
import io.oregrid.grid.chat.AppendChatProcessor;
import io.oregrid.grid.leaderboard.RecordScoreProcessor;
import io.oregrid.grid.motion.AppendHistoryProcessor;
import io.oregrid.grid.motion.UpdateMotionProcessor;
import io.oregrid.grid.player.CreditCoinProcessor;
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
 * Serialization of the grid's own classes. Map values are records that Hazelcast serializes with
 * zero-config Compact. EntryProcessors are {@code Serializable} by interface, which would make
 * Hazelcast pick Java serialization (slow, and it refuses the Compact records they carry), so
 * every processor is registered here explicitly for Compact; explicit registration takes
 * precedence over {@code Serializable}. Members and clients apply the same list.
 */
public final class GridSerialization {
    private static final List<Class<?>> PROCESSORS = Collections.synchronizedList(new ArrayList<>(List.of(
            UpdateMotionProcessor.class, AppendHistoryProcessor.class,
            EnterCellProcessor.class, LeaveCellProcessor.class, ClaimCoinProcessor.class,
            MarkCreditedProcessor.class, ReleaseClaimProcessor.class,
            CreditCoinProcessor.class, AppendChatProcessor.class,
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

    /** Registers every processor class for Compact on a member's or client's serialization config. */
    public static void apply(SerializationConfig serialization) {
        CompactSerializationConfig compact = serialization.getCompactSerializationConfig();
        synchronized (PROCESSORS) {
            for (Class<?> c : PROCESSORS) {
                compact.addClass(c);
            }
        }
    }
}
