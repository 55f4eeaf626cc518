package io.oregrid.node.realtime;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.chat.AppendChatProcessor;
import io.oregrid.grid.chat.ChatChannel;
import io.oregrid.grid.chat.ChatMessage;
import io.oregrid.grid.chat.ChatRing;
import io.oregrid.grid.support.GameClock;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Chat channels (SPEC capability 14, "WebSocket {@code /ws}" {@code chat.message}): a message is
 * appended to its channel's bounded ring in the grid by {@link AppendChatProcessor} (one call, in the
 * channel's partition) and, once appended, published on {@link GridMaps#CHAT_TOPIC} for every edge
 * node's subscribers. The ring is the history the REST route reads; the topic only carries news.
 * Transport-neutral: the WebSocket edge posts, the REST edge reads.
 */
public final class ChatService {
    /** Longest message text, characters (SPEC: 1–500). */
    public static final int MAX_TEXT_CHARS = 500;

    private final IMap<String, ChatRing> rings;
    private final ITopic<ChatMessage> topic;
    private final GameClock clock;
    private final int historyPerChannel;

    /**
     * @param clock             the game clock (message timestamps)
     * @param historyPerChannel messages kept per channel
     */
    public ChatService(HazelcastInstance hz, GameClock clock, int historyPerChannel) {
        this.rings = hz.getMap(GridMaps.CHAT_RINGS);
        this.topic = hz.getReliableTopic(GridMaps.CHAT_TOPIC);
        this.clock = clock;
        this.historyPerChannel = historyPerChannel;
    }

    /**
     * Posts a message, stamped now by the game clock with a new id.
     *
     * @param text 1–{@value #MAX_TEXT_CHARS} characters, checked by the caller
     * @return the message as stored and published
     */
    public ChatMessage post(ChatChannel channel, String fromId, String fromUsername, String text) {
        ChatMessage message = new ChatMessage(UUID.randomUUID().toString(), channel.name(), fromId, fromUsername, text,
                clock.nowMs());
        if (rings.executeOnKey(channel.name(), new AppendChatProcessor(message, historyPerChannel))) {
            topic.publish(message);
        }
        return message;
    }

    /**
     * @param limit at most this many, the newest
     * @return the channel's newest messages, oldest first (empty for a channel nobody wrote in)
     */
    public List<ChatMessage> history(ChatChannel channel, int limit) {
        ChatRing ring = rings.get(channel.name());
        if (ring == null) {
            return List.of();
        }
        ChatMessage[] all = ring.messages();
        return Arrays.asList(all).subList(Math.max(0, all.length - limit), all.length);
    }
}
