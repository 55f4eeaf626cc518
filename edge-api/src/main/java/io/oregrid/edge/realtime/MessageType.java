package io.oregrid.edge.realtime;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The message types a client may send (SPEC "WebSocket {@code /ws}"). Control messages carry flat
 * fields; client events carry their fields in a {@code data} object.
 */
public enum MessageType {
    /** {@code {"type":"auth","token"}}: must be the first message. */
    AUTH("auth", false),
    /** {@code {"type":"subscribe","channels":[...]}}. */
    SUBSCRIBE("subscribe", false),
    /** {@code {"type":"unsubscribe","channels":[...]}}. */
    UNSUBSCRIBE("unsubscribe", false),
    /** {@code {"type":"location.update","data":{"lat","lng","accuracy","timestamp",...}}}. */
    LOCATION_UPDATE("location.update", true),
    /** {@code {"type":"chat.message","data":{"channel","text"}}}. */
    CHAT_MESSAGE("chat.message", true),
    /** {@code {"type":"game.action","data":{"action":"collect","target","request_id"}}}. */
    GAME_ACTION("game.action", true),
    /** {@code {"type":"ping"}} → {@code {"type":"pong"}}. */
    PING("ping", false);

    private static final Map<String, MessageType> BY_WIRE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(MessageType::wire, Function.identity()));

    private final String wire;
    private final boolean event;

    MessageType(String wire, boolean event) {
        this.wire = wire;
        this.event = event;
    }

    /** @return the {@code type} as written on the wire */
    public String wire() {
        return wire;
    }

    /** @return whether the fields travel in a {@code data} object (client events) */
    public boolean isEvent() {
        return event;
    }

    /** @return the type of a wire name, or empty when unknown */
    public static Optional<MessageType> fromWire(String wire) {
        return Optional.ofNullable(BY_WIRE.get(wire));
    }
}
