package io.oregrid.edge.social;

import io.oregrid.grid.chat.ChatMessage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A chat message as clients see it, in the WebSocket push {@code chat.message} and in the REST
 * history: {@code {"id","channel","from","user_id","text","timestamp"}} — {@code from} is the
 * sender's username (SPEC "WebSocket {@code /ws}", seed 001 §7.2), {@code timestamp} epoch ms.
 */
public final class ChatJson {

    private ChatJson() {
    }

    /** @return the message's fields */
    public static Map<String, Object> of(ChatMessage m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("channel", m.channel());
        out.put("from", m.fromUsername());
        out.put("user_id", m.fromId());
        out.put("text", m.text());
        out.put("timestamp", m.timestampMs());
        return out;
    }
}
