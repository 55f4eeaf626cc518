package io.oregrid.edge.realtime;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's rooms: room name (a channel name such as {@code location:cell:<token>},
 * {@code chat:global}, {@code chat:cell:<token>}) → the local connections in it. Only local sockets
 * are kept; other nodes keep theirs and hear the same grid events. An empty room is removed, so
 * {@link #has} tells whether a grid event concerns anyone here.
 */
final class Rooms {
    private final Map<String, Set<Connection>> rooms = new ConcurrentHashMap<>();

    void join(String room, Connection c) {
        rooms.compute(room, (name, members) -> {
            Set<Connection> set = members == null ? ConcurrentHashMap.newKeySet() : members;
            set.add(c);
            return set;
        });
    }

    void leave(String room, Connection c) {
        rooms.computeIfPresent(room, (name, members) -> {
            members.remove(c);
            return members.isEmpty() ? null : members;
        });
    }

    /** @return whether anyone on this node is in {@code room} */
    boolean has(String room) {
        return rooms.containsKey(room);
    }

    /** @return the room's connections now (a live view; empty when nobody is in it) */
    Collection<Connection> members(String room) {
        Set<Connection> members = rooms.get(room);
        return members == null ? List.of() : members;
    }
}
