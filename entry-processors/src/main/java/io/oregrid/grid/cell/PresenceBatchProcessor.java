package io.oregrid.grid.cell;

import com.hazelcast.map.EntryProcessor;
import io.oregrid.grid.support.LocalEntry;
import io.oregrid.grid.support.SortedKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Many players' presence changes in one multi-key operation over their cells
 * ({@code IMap.submitToKeys}; ARCHITECTURE "Cost rules": the tail of accepted fixes is coalesced
 * per node). For the cell it runs on, applies every {@link EnterCellProcessor} addressed to it, then
 * every {@link LeaveCellProcessor}, to the value in memory, and writes the cell once.
 *
 * <p>Enters before leaves gives the same presence as the fixes' own order: an enter keeps the newest
 * fix per player, a leave removes a presence only when it is not newer than the leaving fix, so a
 * player who entered and left within one batch ends absent, and one who left and came back ends
 * present. Deterministic and idempotent, as the single processors are.
 *
 * @param enterCells the cell token of each enter ({@code enterCells[i]} is where {@code enters[i]} applies),
 *                   sorted ascending
 * @param enters     presence writes
 * @param leaveCells the cell token of each leave, sorted ascending
 * @param leaves     presence removals
 * @throws IllegalArgumentException when the arrays differ in length or a cell array is not sorted
 */
public record PresenceBatchProcessor(String[] enterCells, EnterCellProcessor[] enters, String[] leaveCells,
                                     LeaveCellProcessor[] leaves)
        implements EntryProcessor<String, CellPresence, PresenceChange> {

    public PresenceBatchProcessor {
        if (enterCells.length != enters.length || leaveCells.length != leaves.length
                || !SortedKeys.sorted(enterCells) || !SortedKeys.sorted(leaveCells)) {
            throw new IllegalArgumentException("cells and processors must pair up, cells sorted");
        }
    }

    /** @return whether any presence was written here, and the players dropped here as stale */
    @Override
    public PresenceChange process(Map.Entry<String, CellPresence> entry) {
        String cell = entry.getKey();
        LocalEntry<String, CellPresence> local = new LocalEntry<>(cell, entry.getValue());
        boolean placed = false;
        List<String> dropped = new ArrayList<>(0);
        for (int i = SortedKeys.from(enterCells, cell); i < enters.length && enterCells[i].equals(cell); i++) {
            PresenceChange c = enters[i].process(local);
            placed |= c.placed();
            for (String id : c.dropped()) {
                dropped.add(id);
            }
        }
        for (int i = SortedKeys.from(leaveCells, cell); i < leaves.length && leaveCells[i].equals(cell); i++) {
            leaves[i].process(local);
        }
        local.writeTo(entry);
        return new PresenceChange(placed, dropped.toArray(String[]::new));
    }
}
