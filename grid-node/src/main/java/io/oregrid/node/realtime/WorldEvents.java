package io.oregrid.node.realtime;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import com.hazelcast.topic.MessageListener;
import com.hazelcast.topic.ReliableMessageListener;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.chat.ChatMessage;
import io.oregrid.grid.world.WorldDelta;
import io.oregrid.grid.world.WorldDeltas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Feeds one node's {@link WorldListener} from the grid, so every edge node sees every change
 * whichever node made it (ARCHITECTURE "Edge").
 *
 * <ul>
 *   <li>{@link GridMaps#WORLD_TOPIC}: the {@link WorldDelta}s that {@link WorldFeed} publishes — moves,
 *       stale players, claims — small deltas, never whole cells, a flush's worth per message;</li>
 *   <li>{@link GridMaps#CHAT_TOPIC}: a reliable topic listener, loss tolerant, from the newest message on.</li>
 * </ul>
 *
 * <p>Delivery: world deltas are Hazelcast topic messages — at most once, lost if a member fails
 * before sending them or if this node is disconnected meanwhile. The chat topic is a ringbuffer
 * with backups: ordered, it survives a member failure, and a listener that falls more than the
 * ring's capacity behind skips ahead rather than stopping. The grid state (presence, claims, chat
 * rings) stays the truth that clients resynchronise from (REST nearby, chat history).
 */
public final class WorldEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorldEvents.class);

    private final HazelcastInstance hz;
    private final ITopic<WorldDeltas> world;
    private final ITopic<ChatMessage> chat;
    private final UUID worldRegistration;
    private final UUID chatRegistration;

    private WorldEvents(HazelcastInstance hz, WorldListener listener) {
        this.hz = hz;
        this.world = hz.getTopic(GridMaps.WORLD_TOPIC);
        this.chat = hz.getReliableTopic(GridMaps.CHAT_TOPIC);
        this.worldRegistration = world.addMessageListener(new DeltaListener(listener));
        this.chatRegistration = chat.addMessageListener(new ChatListener(listener));
    }

    /** Registers the listeners; {@link #close()} removes them. */
    public static WorldEvents register(HazelcastInstance hz, WorldListener listener) {
        return new WorldEvents(hz, listener);
    }

    /** Removes the listeners; when the member is already down they went with it. */
    @Override
    public void close() {
        if (hz.getLifecycleService().isRunning()) {
            world.removeMessageListener(worldRegistration);
            chat.removeMessageListener(chatRegistration);
        }
    }

    private record DeltaListener(WorldListener listener) implements MessageListener<WorldDeltas> {
        @Override
        public void onMessage(Message<WorldDeltas> message) {
            for (WorldDelta delta : message.getMessageObject().deltas()) {
                deliver(delta);
            }
        }

        private void deliver(WorldDelta delta) {
            if (delta.kind() == WorldDelta.Kind.MOVED) {
                String player = delta.presence().playerId();
                if (listener.watchesPlayer(player)) {
                    listener.playerMoved(player, delta.cellToken(), delta.acceptedFixes());
                }
                if (delta.previousCell() != null && listener.watchesCell(delta.previousCell())) {
                    listener.cellChanged(CellChange.leftBy(delta));
                }
            }
            if (listener.watchesCell(delta.cellToken())) {
                CellChange change = CellChange.of(delta);
                if (!change.isEmpty()) {
                    listener.cellChanged(change);
                }
            }
        }
    }

    private record ChatListener(WorldListener listener) implements ReliableMessageListener<ChatMessage> {
        @Override
        public void onMessage(Message<ChatMessage> message) {
            listener.chatPosted(message.getMessageObject());
        }

        /** -1: start after the newest message; history is read from the chat rings, not the topic. */
        @Override
        public long retrieveInitialSequence() {
            return -1;
        }

        @Override
        public void storeSequence(long sequence) {
            // The position is not kept: a restarted node starts from the newest message (see retrieveInitialSequence).
        }

        @Override
        public boolean isLossTolerant() {
            return true;
        }

        @Override
        public boolean isTerminal(Throwable failure) {
            LOG.warn("chat delivery failed on this node; the listener goes on", failure);
            return false;
        }
    }
}
