package io.oregrid.grid.cell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One S2 cell of the game level, value of the {@code cells} map (key: the cell token).
 *
 * @param token          S2 cell token (map key)
 * @param coins          coins that are live or whose claim must still be remembered
 * @param present        players whose last accepted fix is in this cell
 * @param spawnEpoch     spawn epoch of {@code spawnedInEpoch}
 * @param spawnedInEpoch coins spawned in that epoch so far (the next spawn index)
 */
public record CellState(String token, Coin[] coins, Presence[] present, long spawnEpoch, int spawnedInEpoch) {

    /** An empty cell. */
    public static CellState empty(String token) {
        return new CellState(token, new Coin[0], new Presence[0], 0, 0);
    }

    /** @return the coin with {@code id}, or null */
    public Coin coin(String id) {
        for (Coin c : coins) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }

    /** @return a copy with {@code coin} replacing the coin of the same id */
    public CellState withCoin(Coin coin) {
        Coin[] next = coins.clone();
        for (int i = 0; i < next.length; i++) {
            if (next[i].id().equals(coin.id())) {
                next[i] = coin;
            }
        }
        return new CellState(token, next, present, spawnEpoch, spawnedInEpoch);
    }

    /** @return live (unclaimed, unexpired) coins at {@code nowMs} */
    public List<Coin> liveCoins(long nowMs) {
        List<Coin> live = new ArrayList<>();
        for (Coin c : coins) {
            if (c.isLive(nowMs)) {
                live.add(c);
            }
        }
        return live;
    }

    /** @return the presence of {@code playerId}, or null */
    public Presence presenceOf(String playerId) {
        return Arrays.stream(present).filter(p -> p.playerId().equals(playerId)).findFirst().orElse(null);
    }
}
