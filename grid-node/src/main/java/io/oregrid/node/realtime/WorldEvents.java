package io.oregrid.node.realtime;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import com.hazelcast.topic.ReliableMessageListener;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.cell.CellState;
import io.oregrid.grid.chat.ChatMessage;
import io.oregrid.grid.motion.PlayerMotion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Feeds one node's {@link WorldListener} from the grid, so every edge node sees every change
 * whichever node made it (ARCHITECTURE "Edge").
 *
 * <ul>
 *   <li>{@code cells}: an entry listener with values; each update is diffed into a {@link CellChange}.
 *       It sees every writer — REST, WebSocket, the claim sweep — without hooks in the services.</li>
 *   <li>{@code player-motion}: an entry listener with values; tells where a player's sessions belong.</li>
 *   <li>{@link GridMaps#CHAT_TOPIC}: a reliable topic listener, loss tolerant, from the newest message on.</li>
 * </ul>
 *
 * <p>Delivery: map events are Hazelcast's fire-and-forget events — at most once, in order per key
 * (per cell, per player), lost if a member fails before sending them or if this node is
 * disconnected meanwhile. The chat topic is a ringbuffer with backups: ordered, it survives a
 * member failure, and a listener that falls more than the ring's capacity behind skips ahead rather
 * than stopping. The grid state (cells, chat rings) stays the truth that clients resynchronise
 * from (REST nearby, chat history).
 */
public final class WorldEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorldEvents.class);

    private final HazelcastInstance hz;
    private final IMap<String, CellState> cells;
    private final IMap<String, PlayerMotion> motion;
    private final ITopic<ChatMessage> chat;
    private final UUID cellsRegistration;
    private final UUID motionRegistration;
    private final UUID chatRegistration;

    private WorldEvents(HazelcastInstance hz, WorldListener listener) {
        this.hz = hz;
        this.cells = hz.getMap(GridMaps.CELLS);
        this.motion = hz.getMap(GridMaps.PLAYER_MOTION);
        this.chat = hz.getReliableTopic(GridMaps.CHAT_TOPIC);
        this.cellsRegistration = cells.addEntryListener(
                new OnWrite<CellState>(event -> cellWritten(listener, event)), true);
        this.motionRegistration = motion.addEntryListener(
                new OnWrite<PlayerMotion>(event -> motionWritten(listener, event)), true);
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
            cells.removeEntryListener(cellsRegistration);
            motion.removeEntryListener(motionRegistration);
            chat.removeMessageListener(chatRegistration);
        }
    }

    /** Any write of an entry (added or updated), handed to one handler. */
    private record OnWrite<V>(Consumer<EntryEvent<String, V>> handler)
            implements EntryAddedListener<String, V>, EntryUpdatedListener<String, V> {
        @Override
        public void entryAdded(EntryEvent<String, V> event) {
            handler.accept(event);
        }

        @Override
        public void entryUpdated(EntryEvent<String, V> event) {
            handler.accept(event);
        }
    }

    private static void cellWritten(WorldListener listener, EntryEvent<String, CellState> event) {
        if (listener.watchesCell(event.getKey()) && event.getValue() != null) {
            CellChange change = CellChange.between(event.getOldValue(), event.getValue());
            if (!change.isEmpty()) {
                listener.cellChanged(change);
            }
        }
    }

    private static void motionWritten(WorldListener listener, EntryEvent<String, PlayerMotion> event) {
        if (listener.watchesPlayer(event.getKey())) {
            PlayerMotion m = event.getValue();
            if (m != null && m.cellToken() != null) {
                listener.playerMoved(event.getKey(), m.cellToken(), m.acceptedFixes());
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
