package io.oregrid.edge.realtime;

import io.oregrid.grid.chat.ChatChannel;

import java.util.Optional;

/**
 * A channel a client subscribes to, which is also the name of its room on each node (SPEC
 * "WebSocket {@code /ws}"): {@code chat:global}, {@code chat:cell:<token>} or
 * {@code location:cell:<token>}, tokens being S2 cells at the game level.
 *
 * @param name      the channel's name as clients write it
 * @param chat      the chat channel, or null for a location channel
 * @param cellToken the cell of a cell channel, or null for {@code chat:global}
 */
record Channel(String name, ChatChannel chat, String cellToken) {
    private static final String CHAT_PREFIX = "chat:";
    private static final String LOCATION_PREFIX = "location:cell:";

    /** @return the channel, or empty when the name is none of the three forms */
    static Optional<Channel> parse(String name, int cellLevel) {
        if (name == null) {
            return Optional.empty();
        }
        if (name.startsWith(CHAT_PREFIX)) {
            return ChatChannel.parse(name.substring(CHAT_PREFIX.length()), cellLevel)
                    .map(chat -> new Channel(name, chat, chat.cellToken()));
        }
        if (name.startsWith(LOCATION_PREFIX)) {
            String token = name.substring(LOCATION_PREFIX.length());
            return ChatChannel.validCellToken(token, cellLevel)
                    ? Optional.of(new Channel(name, null, token)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** @return whether this is a {@code location:cell:<token>} channel */
    boolean isLocation() {
        return chat == null;
    }

    /** @return the room of a cell's world events: {@code location:cell:<token>} */
    static String locationRoom(String cellToken) {
        return LOCATION_PREFIX + cellToken;
    }

    /** @return the room of a chat channel: {@code chat:<name>} */
    static String chatRoom(String chatChannelName) {
        return CHAT_PREFIX + chatChannelName;
    }
}
