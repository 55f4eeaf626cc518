package io.oregrid.node.realtime;

import com.hazelcast.topic.ITopic;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.cell.Presence;
import io.oregrid.grid.world.WorldDelta;
import io.oregrid.grid.world.WorldDeltas;
import io.oregrid.node.grid.Coalescer;
import io.oregrid.node.grid.GridGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Publishes what the game's operations changed as {@link WorldDelta}s on the {@code world-deltas}
 * topic, which every edge node's {@link WorldEvents} turns into pushes to its rooms (ARCHITECTURE
 * "changes travel as deltas"). Publishing never blocks the caller: deltas are coalesced and go out
 * as one {@link WorldDeltas} message per flush interval ({@code ORE_TAIL_FLUSH_MS}), in the order they
 * happened on this node. The one place where {@link Visibility} drops a player from what others see.
 *
 * <p>Delivery is Hazelcast's topic delivery: at most once, ordered per publishing thread (the flush
 * runs on one); deltas still queued when a node dies are lost with it. The grid state stays the
 * truth clients resynchronise from (REST nearby).
 */
public final class WorldFeed implements AutoCloseable {
    /** Deltas one topic message carries at most. */
    static final int MAX_DELTAS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(WorldFeed.class);

    private final GridGateway grid;
    private final ITopic<WorldDeltas> topic;
    private final Visibility visibility;
    private final Coalescer<WorldDelta> pending;

    /**
     * @param grid       the gateway the publishes are counted on
     * @param visibility who may be seen by others
     * @param flushMs    how often queued deltas are published, ms
     * @param timer      runs the flushes
     */
    public WorldFeed(GridGateway grid, Visibility visibility, long flushMs, ScheduledExecutorService timer) {
        this.grid = grid;
        this.topic = grid.topic(GridMaps.WORLD_TOPIC);
        this.visibility = visibility;
        this.pending = new Coalescer<>("world feed", flushMs, MAX_DELTAS, 8 * MAX_DELTAS, this::publish, timer);
    }

    /** A player's accepted fix in {@code cellToken} ({@code previousCell}: the cell it left, or null). */
    public void moved(String cellToken, String previousCell, Presence presence, long acceptedFixes) {
        if (visibility.visible(presence.playerId())) {
            pending.add(WorldDelta.moved(cellToken, previousCell, presence, acceptedFixes));
        }
    }

    /** Players dropped from a cell's presence as stale. */
    public void left(String cellToken, String[] playerIds) {
        if (playerIds.length > 0) {
            pending.add(WorldDelta.left(cellToken, playerIds));
        }
    }

    /** A coin claimed by {@code playerId}, and the coins that became collectable with it. */
    public void collected(String cellToken, String coinId, String playerId, Coin[] appeared) {
        pending.add(WorldDelta.collected(cellToken, coinId, playerId, appeared));
    }

    private void publish(List<WorldDelta> deltas) {
        grid.publish(topic, new WorldDeltas(deltas.toArray(WorldDelta[]::new))).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.debug("{} world deltas not published ({}); clients resynchronise from REST", deltas.size(),
                        failure.toString());
            }
        });
    }

    /** Publishes what is queued now, on the calling thread. */
    public void flush() {
        pending.flush();
    }

    /** Publishes what is queued and stops the flushes. */
    @Override
    public void close() {
        pending.close();
    }
}
