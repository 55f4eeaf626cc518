package io.oregrid.edge.realtime;

import java.nio.ByteBuffer;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.oregrid.edge.auth.Principal;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A server message, serialised once (a push to a room sends the same text to every member), and
 * the shapes of every server message (SPEC "WebSocket {@code /ws}"):
 * <ul>
 *   <li>{@code {"type":"auth_result","success":true,"user_id","expires_at"}} or
 *       {@code {"type":"auth_result","success":false,"code","error"}};</li>
 *   <li>{@code {"type":"subscribed"|"unsubscribed","channels":[...]}}, {@code {"type":"pong"}};</li>
 *   <li>{@code {"type":"<client event type>.result","data":{...}}}: the answer to a client event;</li>
 *   <li>{@code {"type":"error","code","error"[,"field"][,"reason",...][,"in_reply_to"][,"id"][,"retry_after"]}},
 *       codes as in SPEC "API contract v1" ({@code retry_after} in seconds, as REST's header);</li>
 *   <li>pushes {@code {"type":"players.nearby"|"coins.nearby"|"coins.collected"|"chat.message","data":{...}}}.</li>
 * </ul>
 * A direct reply carries the client's correlation {@code id} when the request had one.
 *
 * @param type the message's {@code type} (the label of {@code ore_ws_messages_out_total})
 * @param utf8 the serialised message, UTF-8 JSON: encoded once, every recipient's frame shares it
 *             (read it through {@link #payload()}; never written to)
 */
public record Outbound(String type, byte[] utf8) {

    /** @return a read-only view of {@link #utf8} of its own (position 0), for one frame's payload */
    public ByteBuffer payload() {
        return ByteBuffer.wrap(utf8).asReadOnlyBuffer();
    }

    /** @return a successful {@code auth_result} for {@code principal} */
    public static Outbound authOk(Principal principal, String id) {
        Map<String, Object> m = head("auth_result", id);
        m.put("success", true);
        m.put("user_id", principal.userId());
        m.put("expires_at", principal.expiresAtMs());
        return of(m);
    }

    /** @return a failed {@code auth_result} telling why */
    public static Outbound authFailed(ApiException why, String id) {
        Map<String, Object> m = head("auth_result", id);
        m.put("success", false);
        m.put("code", why.code().name());
        m.put("error", why.getMessage());
        return of(m);
    }

    /** @return {@code {"type":"subscribed"|"unsubscribed","channels":[...]}} */
    public static Outbound channels(String type, List<String> channels, String id) {
        Map<String, Object> m = head(type, id);
        m.put("channels", channels);
        return of(m);
    }

    /** @return {@code {"type":"pong"}} */
    public static Outbound pong(String id) {
        return of(head("pong", id));
    }

    /** @return the answer to a client event: {@code {"type":"<request type>.result","data":{...}}} */
    public static Outbound reply(MessageType request, String id, Map<String, Object> data) {
        Map<String, Object> m = head(request.wire() + ".result", id);
        m.put("data", data);
        return of(m);
    }

    /** @return an {@code error} message for a refused request (the connection stays open) */
    public static Outbound error(ApiException e, MessageType inReplyTo, String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "error");
        m.put("code", e.code().name());
        m.put("error", e.getMessage());
        m.putAll(e.extra());
        if (inReplyTo != null) {
            m.putIfAbsent("in_reply_to", inReplyTo.wire());
        }
        if (id != null) {
            m.putIfAbsent("id", id);
        }
        if (e.retryAfterS() != null) {
            m.put("retry_after", e.retryAfterS());
        }
        return of(m);
    }

    /** @return a push: {@code {"type","data"}} */
    public static Outbound event(String type, Map<String, Object> data) {
        Map<String, Object> m = head(type, null);
        m.put("data", data);
        return of(m);
    }

    private static Map<String, Object> head(String type, String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        if (id != null) {
            m.put("id", id);
        }
        return m;
    }

    private static Outbound of(Map<String, Object> message) {
        try {
            return new Outbound((String) message.get("type"), Json.MAPPER.writeValueAsBytes(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a " + message.get("type") + " message", e);
        }
    }
}
