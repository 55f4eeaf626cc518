package io.oregrid.edge.realtime;

import io.oregrid.edge.game.CoinJson;
import io.oregrid.edge.social.ChatJson;
import io.oregrid.grid.cell.Presence;
import io.oregrid.grid.chat.ChatMessage;
import io.oregrid.node.realtime.CellChange;
import io.oregrid.node.realtime.WorldListener;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns grid events into pushes to this node's rooms (SPEC "WebSocket {@code /ws}"). Each push is
 * serialised once and queued on every member's bounded outbox; nothing here blocks, since it runs
 * on Hazelcast's event threads. Shapes ({@code data}):
 * <ul>
 *   <li>{@code players.nearby}: {@code {"cell_id","players":[{"user_id","username","lat","lng","timestamp"}],"left":[user ids]}}
 *       — players who arrived in or moved within the cell, and who left it; the mover is included
 *       (clients skip their own id) and distances are the client's to compute, so one text serves the room;</li>
 *   <li>{@code coins.nearby}: {@code {"cell_id","coins":[{"id","lat","lng","value","type","expires_at"}]}}
 *       — coins that became collectable (a claimed coin's replacement);</li>
 *   <li>{@code coins.collected}: {@code {"cell_id","coin_id","collected_by"}} — one per coin claimed;</li>
 *   <li>{@code chat.message}: see {@link ChatJson}, to the room {@code chat:<channel>}.</li>
 * </ul>
 * World events go to the room {@code location:cell:<token>} of the cell that changed, whose members
 * are the connections of players in that cell or next to it, and those who subscribed to it.
 */
final class Fanout implements WorldListener {
    private final Rooms rooms;
    private final Connections connections;
    private final Membership membership;
    private final RealtimeMetrics metrics;

    Fanout(Rooms rooms, Connections connections, Membership membership, RealtimeMetrics metrics) {
        this.rooms = rooms;
        this.connections = connections;
        this.membership = membership;
        this.metrics = metrics;
    }

    @Override
    public boolean watchesCell(String cellToken) {
        return rooms.has(Channel.locationRoom(cellToken));
    }

    @Override
    public void cellChanged(CellChange change) {
        long start = System.nanoTime();
        String room = Channel.locationRoom(change.cellToken());
        if (!change.moved().isEmpty() || !change.left().isEmpty()) {
            Map<String, Object> data = cell(change);
            data.put("players", change.moved().stream().map(Fanout::player).toList());
            data.put("left", change.left());
            toRoom(room, Outbound.event("players.nearby", data));
        }
        if (!change.appeared().isEmpty()) {
            Map<String, Object> data = cell(change);
            data.put("coins", change.appeared().stream().map(CoinJson::of).toList());
            toRoom(room, Outbound.event("coins.nearby", data));
        }
        for (CellChange.Collected coin : change.collected()) {
            Map<String, Object> data = cell(change);
            data.put("coin_id", coin.coinId());
            data.put("collected_by", coin.playerId());
            toRoom(room, Outbound.event("coins.collected", data));
        }
        metrics.fanout(start);
    }

    @Override
    public boolean watchesPlayer(String playerId) {
        return connections.hasPlayer(playerId);
    }

    @Override
    public void playerMoved(String playerId, String cellToken, long acceptedFixes) {
        for (Connection c : List.copyOf(connections.ofPlayer(playerId))) {
            membership.follow(c, cellToken, acceptedFixes);
        }
    }

    @Override
    public void chatPosted(ChatMessage message) {
        long start = System.nanoTime();
        toRoom(Channel.chatRoom(message.channel()), Outbound.event("chat.message", ChatJson.of(message)));
        metrics.fanout(start);
    }

    private void toRoom(String room, Outbound message) {
        for (Connection c : rooms.members(room)) {
            c.send(message);
        }
    }

    private static Map<String, Object> cell(CellChange change) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cell_id", change.cellToken());
        return data;
    }

    private static Map<String, Object> player(Presence p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user_id", p.playerId());
        m.put("username", p.username());
        m.put("lat", p.lat());
        m.put("lng", p.lng());
        m.put("timestamp", p.timestampMs());
        return m;
    }
}
