package io.oregrid.grid.chat;

/**
 * The newest messages of one channel, oldest first, bounded; value of the {@code chat-rings} map
 * (key: the channel name, e.g. {@code global} or {@code cell:89c25}).
 *
 * @param channel  the channel (map key)
 * @param messages messages in the order they were appended
 */
public record ChatRing(String channel, ChatMessage[] messages) {

    /** @return whether a message with {@code id} is kept */
    public boolean contains(String id) {
        for (ChatMessage m : messages) {
            if (m.id().equals(id)) {
                return true;
            }
        }
        return false;
    }
}
