package io.oregrid.store.player;

import io.oregrid.grid.player.CollectRecord;
import io.oregrid.grid.player.PlayerState;
import io.oregrid.store.support.Jdbc;
import io.oregrid.store.support.SqlMapLoader;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loader of the {@code players} map from tables {@code players} and {@code coin_collections}; lazy,
 * one player when first asked for. Writes do not go through the map: a credit is written to the
 * ledger first ({@link SqlCollectLedger}, from {@code CreditCoinProcessor} off the partition
 * threads), so the map needs no store and PostgreSQL always holds at least what the grid holds.
 *
 * <p>Loading rebuilds the state: balance and count from {@code players}, and as the credited
 * Idempotency-Keys the collections made within {@code keepMs} of the player's newest one (the grid
 * forgets older keys itself, by the node clock, on the next credit).
 */
public final class PlayerMapLoader extends SqlMapLoader<PlayerState> {
    private static final String RECENT = """
            SELECT c.player_id, c.idempotency_key, c.coin_id, c.credited, c.balance_after, c.collected_at
            FROM coin_collections c
            JOIN (SELECT player_id, max(collected_at) AS newest FROM coin_collections
                  WHERE player_id = ANY(?) GROUP BY player_id) n
              ON n.player_id = c.player_id AND c.collected_at >= n.newest - ? * interval '1 millisecond'
            ORDER BY c.player_id, c.collected_at, c.coin_id""";

    private final long keepMs;

    /**
     * @param dataSource the member's pool
     * @param keepMs     how long credited Idempotency-Keys are kept, ms ({@code ORE_IDEMPOTENCY_TTL_S})
     */
    public PlayerMapLoader(DataSource dataSource, long keepMs) {
        super(dataSource, "players", "player_id", null);
        this.keepMs = keepMs;
    }

    @Override
    protected String selectSql() {
        return "SELECT player_id, balance, coins_collected FROM players";
    }

    @Override
    protected PlayerState read(ResultSet rs) throws SQLException {
        return new PlayerState(rs.getString("player_id"), rs.getLong("balance"), rs.getLong("coins_collected"),
                new CollectRecord[0]);
    }

    @Override
    public Map<String, PlayerState> loadAll(Collection<String> keys) {
        Map<String, PlayerState> players = super.loadAll(keys);
        if (players.isEmpty()) {
            return players;
        }
        Map<String, List<CollectRecord>> recent = new HashMap<>();
        Jdbc.withConnection(dataSource, "loading the recent collections of " + players.size() + " players", c -> {
            try (PreparedStatement ps = c.prepareStatement(RECENT)) {
                ps.setArray(1, Jdbc.textArray(c, players.keySet()));
                ps.setLong(2, keepMs);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        recent.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new CollectRecord(
                                rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                                Jdbc.ms(rs.getTimestamp(6))));
                    }
                }
                return null;
            }
        });
        Map<String, PlayerState> loaded = new HashMap<>();
        players.forEach((id, p) -> loaded.put(id, new PlayerState(id, p.balance(), p.coinsCollected(),
                recent.getOrDefault(id, List.of()).toArray(CollectRecord[]::new))));
        return loaded;
    }
}
