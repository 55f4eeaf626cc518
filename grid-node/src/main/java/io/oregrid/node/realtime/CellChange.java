package io.oregrid.node.realtime;

import io.oregrid.grid.cell.CellState;
import io.oregrid.grid.cell.ClaimState;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.cell.Presence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one update of a cell changed, as the realtime pushes tell it (SPEC "WebSocket {@code /ws}":
 * {@code players.nearby}, {@code coins.nearby}, {@code coins.collected}).
 *
 * @param cellToken the cell's S2 token
 * @param moved     players who arrived in the cell or reported a newer fix in it
 * @param left      ids of players no longer present (moved away, or dropped as stale)
 * @param appeared  coins that became collectable: spawned, or released by a claim that failed
 * @param collected coins that were claimed by this update (the claim's player is {@link Coin#claimedBy()})
 */
public record CellChange(String cellToken, List<Presence> moved, List<String> left, List<Coin> appeared,
                         List<Coin> collected) {

    /**
     * Compares two successive values of a cell.
     *
     * @param before the value before the update, or null when the cell is new
     * @param after  the value after the update
     */
    public static CellChange between(CellState before, CellState after) {
        Map<String, Presence> wasPresent = new HashMap<>();
        Map<String, Coin> hadCoin = new HashMap<>();
        if (before != null) {
            for (Presence p : before.present()) {
                wasPresent.put(p.playerId(), p);
            }
            for (Coin c : before.coins()) {
                hadCoin.put(c.id(), c);
            }
        }
        List<Presence> moved = new ArrayList<>();
        for (Presence p : after.present()) {
            Presence was = wasPresent.remove(p.playerId());
            if (was == null || was.timestampMs() != p.timestampMs()) {
                moved.add(p);
            }
        }
        List<Coin> appeared = new ArrayList<>();
        List<Coin> collected = new ArrayList<>();
        for (Coin c : after.coins()) {
            Coin was = hadCoin.get(c.id());
            boolean wasUnclaimed = was != null && was.claim() == ClaimState.UNCLAIMED;
            if (c.claim() == ClaimState.UNCLAIMED && !wasUnclaimed) {
                appeared.add(c);
            } else if (c.claim() != ClaimState.UNCLAIMED && wasUnclaimed) {
                collected.add(c);
            }
        }
        return new CellChange(after.token(), moved, List.copyOf(wasPresent.keySet()), appeared, collected);
    }

    /** @return whether nothing a client sees changed (e.g. only a claim was marked credited) */
    public boolean isEmpty() {
        return moved.isEmpty() && left.isEmpty() && appeared.isEmpty() && collected.isEmpty();
    }
}
