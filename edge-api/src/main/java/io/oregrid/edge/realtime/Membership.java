package io.oregrid.edge.realtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which rooms a connection is in, kept server-side: the automatic rooms of its player's position
 * ({@link Neighbourhood#ROOM_RINGS}) plus the channels it subscribed to. When the player moves the
 * automatic rooms follow, and location subscriptions that are no longer near are dropped.
 * Positions are versioned (accepted fixes so far), so a stale one — a map event overtaken by the
 * reply to a newer fix — changes nothing.
 */
final class Membership {
    /** Most channels one connection may subscribe to. */
    static final int MAX_SUBSCRIPTIONS = 64;

    private final Rooms rooms;

    Membership(Rooms rooms) {
        this.rooms = rooms;
    }

    /**
     * Moves the connection's automatic rooms to the neighbourhood of {@code cellToken}.
     *
     * Location subscriptions that are no longer near are dropped and the client is told with an
     * {@code unsubscribed} message.
     *
     * @param version accepted fixes so far; not newer than the last applied → nothing happens
     */
    void follow(Connection c, String cellToken, long version) {
        List<String> dropped = move(c, cellToken, version);
        if (!dropped.isEmpty()) {
            c.send(Outbound.channels("unsubscribed", dropped, null));
        }
    }

    private List<String> move(Connection c, String cellToken, long version) {
        synchronized (c) {
            if (c.phase() == Connection.Phase.CLOSED || version <= c.positionVersion) {
                return List.of();
            }
            if (cellToken.equals(c.cellToken)) { // same cell: the same rooms, and every subscription still near
                c.positionVersion = version;
                return List.of();
            }
            Set<String> auto = Neighbourhood.rooms(cellToken, Neighbourhood.ROOM_RINGS);
            Set<String> near = Neighbourhood.rooms(cellToken, Neighbourhood.NEAR_RINGS);
            List<String> dropped = new ArrayList<>();
            for (String s : c.subscriptions) {
                if (s.startsWith(Channel.locationRoom("")) && !near.contains(s)) {
                    dropped.add(s);
                }
            }
            dropped.forEach(c.subscriptions::remove);
            for (String room : auto) {
                if (!c.autoRooms.contains(room) && !c.subscriptions.contains(room)) {
                    rooms.join(room, c);
                }
            }
            for (String room : c.autoRooms) {
                if (!auto.contains(room) && !c.subscriptions.contains(room)) {
                    rooms.leave(room, c);
                }
            }
            for (String room : dropped) {
                if (!auto.contains(room)) {
                    rooms.leave(room, c);
                }
            }
            c.autoRooms = auto;
            c.cellToken = cellToken;
            c.positionVersion = version;
            return dropped;
        }
    }

    /** @return whether {@code cellToken} is near the connection's player ({@link Neighbourhood#NEAR_RINGS}) */
    boolean isNear(Connection c, String cellToken) {
        String at;
        synchronized (c) {
            at = c.cellToken;
        }
        return at != null && Neighbourhood.cells(at, Neighbourhood.NEAR_RINGS).contains(cellToken);
    }

    /** @return whether the connection's player has a position yet */
    boolean hasPosition(Connection c) {
        synchronized (c) {
            return c.cellToken != null;
        }
    }

    /**
     * Adds subscriptions (already validated).
     *
     * @return whether they fit under {@link #MAX_SUBSCRIPTIONS}; when not, nothing was added
     */
    boolean subscribe(Connection c, List<String> channels) {
        synchronized (c) {
            if (c.phase() == Connection.Phase.CLOSED) {
                return true;
            }
            Set<String> next = new HashSet<>(c.subscriptions);
            next.addAll(channels);
            if (next.size() > MAX_SUBSCRIPTIONS) {
                return false;
            }
            for (String channel : channels) {
                if (c.subscriptions.add(channel) && !c.autoRooms.contains(channel)) {
                    rooms.join(channel, c);
                }
            }
            return true;
        }
    }

    /** Removes subscriptions; automatic rooms stay. */
    void unsubscribe(Connection c, List<String> channels) {
        synchronized (c) {
            for (String channel : channels) {
                if (c.subscriptions.remove(channel) && !c.autoRooms.contains(channel)) {
                    rooms.leave(channel, c);
                }
            }
        }
    }

    /** Takes the connection out of every room (it closed). */
    void leaveAll(Connection c) {
        synchronized (c) {
            for (String room : c.rooms()) {
                rooms.leave(room, c);
            }
            c.autoRooms = Set.of();
            c.subscriptions.clear();
        }
    }
}
