package io.oregrid.node.realtime;

import com.hazelcast.topic.ITopic;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.cell.Presence;
import io.oregrid.grid.world.WorldDelta;
import io.oregrid.node.grid.GridGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what the game's operations changed as {@link WorldDelta}s on the {@code world-deltas}
 * topic, which every edge node's {@link WorldEvents} turns into pushes to its rooms (ARCHITECTURE
 * "changes travel as deltas"). Publishing never blocks the caller. The one place where
 * {@link Visibility} drops a player from what others see.
 *
 * <p>Delivery is Hazelcast's topic delivery: at most once, ordered per publishing thread; the grid
 * state stays the truth clients resynchronise from (REST nearby).
 */
public final class WorldFeed {
    private static final Logger LOG = LoggerFactory.getLogger(WorldFeed.class);

    private final GridGateway grid;
    private final ITopic<WorldDelta> topic;
    private final Visibility visibility;

    /**
     * @param grid       the gateway the publishes are counted on
     * @param visibility who may be seen by others
     */
    public WorldFeed(GridGateway grid, Visibility visibility) {
        this.grid = grid;
        this.topic = grid.topic(GridMaps.WORLD_TOPIC);
        this.visibility = visibility;
    }

    /** A player's accepted fix in {@code cellToken} ({@code previousCell}: the cell it left, or null). */
    public void moved(String cellToken, String previousCell, Presence presence, long acceptedFixes) {
        if (visibility.visible(presence.playerId())) {
            publish(WorldDelta.moved(cellToken, previousCell, presence, acceptedFixes));
        }
    }

    /** Players dropped from a cell's presence as stale. */
    public void left(String cellToken, String[] playerIds) {
        if (playerIds.length > 0) {
            publish(WorldDelta.left(cellToken, playerIds));
        }
    }

    /** A coin claimed by {@code playerId}, and the coins that became collectable with it. */
    public void collected(String cellToken, String coinId, String playerId, Coin[] appeared) {
        publish(WorldDelta.collected(cellToken, coinId, playerId, appeared));
    }

    private void publish(WorldDelta delta) {
        grid.publish(topic, delta).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.debug("world delta not published ({}); clients resynchronise from REST", failure.toString());
            }
        });
    }
}
