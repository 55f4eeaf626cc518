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
public record LeaveCellProcessor(String playerId, long timestampMs) implements EntryProcessor<String, CellPresence, Boolean> {

    /** @return whether a presence was removed */
    @Override
    public Boolean process(Map.Entry<String, CellPresence> entry) {
        CellPresence state = entry.getValue();
        if (state == null) {
            return false;
        }
        Presence[] kept = Arrays.stream(state.present())
                .filter(p -> !p.playerId().equals(playerId) || p.timestampMs() > timestampMs)
                .toArray(Presence[]::new);
        if (kept.length == state.present().length) {
            return false;
        }
        if (kept.length == 0) {
            entry.setValue(null);
        } else {
            entry.setValue(new CellPresence(state.token(), kept));
        }
        return true;
    }
}
