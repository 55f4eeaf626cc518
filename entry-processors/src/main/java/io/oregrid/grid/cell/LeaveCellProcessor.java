package io.oregrid.grid.cell;

import com.hazelcast.map.EntryProcessor;

import java.util.Arrays;
import java.util.Map;

/**
 * Removes a player's presence from a cell they left. Idempotent, and never removes a presence newer
 * than the fix that moved the player away (a late or repeated call cannot erase a later return).
 *
 * @param playerId    the player
 * @param timestampMs time of the fix that left the cell, epoch ms
 */
public record LeaveCellProcessor(String playerId, long timestampMs) implements EntryProcessor<String, CellState, Boolean> {

    /** @return whether a presence was removed */
    @Override
    public Boolean process(Map.Entry<String, CellState> entry) {
        CellState state = entry.getValue();
        if (state == null) {
            return false;
        }
        Presence[] kept = Arrays.stream(state.present())
                .filter(p -> !p.playerId().equals(playerId) || p.timestampMs() > timestampMs)
                .toArray(Presence[]::new);
        if (kept.length == state.present().length) {
            return false;
        }
        entry.setValue(new CellState(state.token(), state.coins(), kept, state.spawnEpoch(), state.spawnedInEpoch()));
        return true;
    }
}
