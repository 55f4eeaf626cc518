package io.oregrid.node.realtime;

import io.oregrid.grid.chat.ChatMessage;

/**
 * One node's receiver of grid events, registered with {@link WorldEvents}. Called on Hazelcast's
 * event threads, so implementations must not block. The {@code watches...} filters are asked first.
 */
public interface WorldListener {

    /** @return whether this node has anyone to tell about changes of cell {@code cellToken} */
    boolean watchesCell(String cellToken);

    /** A cell changed in a way clients see. */
    void cellChanged(CellChange change);

    /** @return whether this node holds a session of {@code playerId} */
    boolean watchesPlayer(String playerId);

    /**
     * A player's fix was accepted (wherever it was sent).
     *
     * @param cellToken     the cell of the player's last accepted fix
     * @param acceptedFixes accepted fixes so far: grows with every accepted fix, so it orders positions
     */
    void playerMoved(String playerId, String cellToken, long acceptedFixes);

    /** A chat message was appended to its channel's history. */
    void chatPosted(ChatMessage message);
}
