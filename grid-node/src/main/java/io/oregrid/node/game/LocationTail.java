package io.oregrid.node.game;

import io.oregrid.grid.GridMaps;
import io.oregrid.grid.cell.CellPresence;
import io.oregrid.grid.cell.EnterCellProcessor;
import io.oregrid.grid.cell.LeaveCellProcessor;
import io.oregrid.grid.cell.PresenceBatchProcessor;
import io.oregrid.grid.cell.PresenceChange;
import io.oregrid.grid.motion.AppendHistoryBatchProcessor;
import io.oregrid.grid.motion.HistoryFix;
import io.oregrid.grid.motion.LocationHistory;
import io.oregrid.node.grid.Coalescer;
import io.oregrid.node.grid.GridGateway;
import io.oregrid.node.grid.GridMap;
import io.oregrid.node.realtime.WorldFeed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The grid writes that follow accepted fixes, coalesced per node (ARCHITECTURE "Cost rules"): each
 * flush ({@code ORE_TAIL_FLUSH_MS}) sends the queued history appends as one
 * {@link AppendHistoryBatchProcessor} per partition of the players' keys and the due presence changes
 * as one {@link PresenceBatchProcessor} per partition of the cells' keys — at most one call per
 * partition and map per flush however many fixes it carries (271 partitions: at 30k fixes/s and 20 ms,
 * about 2.5 fixes a call), instead of two or three operations per fix. Players dropped from a cell as
 * stale go to the {@link WorldFeed}.
 *
 * <p>What a node had queued when it dies is lost: at most one interval of history (the motion entry,
 * the truth of the last position, is written before the request is answered) and presence, which the
 * player's next fix rewrites.
 */
public final class LocationTail implements AutoCloseable {
    /** Accepted fixes one flush carries at most (a larger backlog goes out in several). */
    static final int MAX_BATCH = 4_000;

    /**
     * One accepted fix's follow-ups.
     *
     * @param playerId  the player
     * @param history   the fix as the history keeps it
     * @param enter     the presence write, or null when presence is not due
     * @param leftCell  the cell the player left (its presence is removed there), or null
     * @param leave     that removal, or null
     */
    record Accepted(String playerId, HistoryFix history, EnterCellProcessor enter, String leftCell,
                    LeaveCellProcessor leave) {
    }

    private final GridMap<String, CellPresence> presence;
    private final GridMap<String, LocationHistory> histories;
    private final WorldFeed feed;
    private final int historyPerPlayer;
    private final Coalescer<Accepted> pending;

    LocationTail(GridGateway grid, WorldFeed feed, int historyPerPlayer, long flushMs, ScheduledExecutorService timer) {
        this.presence = grid.map(GridMaps.CELL_PRESENCE);
        this.histories = grid.map(GridMaps.LOCATION_HISTORY);
        this.feed = feed;
        this.historyPerPlayer = historyPerPlayer;
        this.pending = new Coalescer<>("location tail", flushMs, MAX_BATCH, 4 * MAX_BATCH, this::flush, timer);
    }

    /** Queues one accepted fix's follow-ups for the next flush. */
    void add(Accepted fix) {
        pending.add(fix);
    }

    private void flush(List<Accepted> batch) {
        Map<String, List<HistoryFix>> fixes = new HashMap<>();
        Map<String, List<EnterCellProcessor>> enters = new HashMap<>();
        Map<String, List<LeaveCellProcessor>> leaves = new HashMap<>();
        for (Accepted a : batch) {
            fixes.computeIfAbsent(a.playerId(), p -> new ArrayList<>()).add(a.history());
            if (a.enter() != null) {
                enters.computeIfAbsent(a.history().cellToken(), c -> new ArrayList<>()).add(a.enter());
            }
            if (a.leave() != null) {
                leaves.computeIfAbsent(a.leftCell(), c -> new ArrayList<>()).add(a.leave());
            }
        }
        histories.detachPerPartition(fixes.keySet(), players -> historyBatch(players, fixes));
        Set<String> cells = new HashSet<>(enters.keySet());
        cells.addAll(leaves.keySet());
        for (var call : presence.detachPerPartition(cells, group -> presenceBatch(group, enters, leaves))) {
            call.thenAccept(changes -> {
                for (Map.Entry<String, PresenceChange> c : changes.entrySet()) {
                    feed.left(c.getKey(), c.getValue().dropped());
                }
            });
        }
    }

    /** @return the appends of {@code players} (one partition's), players sorted as the processor needs */
    private AppendHistoryBatchProcessor historyBatch(Set<String> players, Map<String, List<HistoryFix>> fixes) {
        List<String> keys = new ArrayList<>();
        List<HistoryFix> values = new ArrayList<>();
        for (String player : sorted(players)) {
            for (HistoryFix f : fixes.get(player)) {
                keys.add(player);
                values.add(f);
            }
        }
        return new AppendHistoryBatchProcessor(keys.toArray(String[]::new), values.toArray(HistoryFix[]::new),
                historyPerPlayer);
    }

    /** @return the presence changes of {@code cells} (one partition's), cells sorted as the processor needs */
    private static PresenceBatchProcessor presenceBatch(Set<String> cells, Map<String, List<EnterCellProcessor>> enters,
                                                        Map<String, List<LeaveCellProcessor>> leaves) {
        List<String> enterCells = new ArrayList<>();
        List<EnterCellProcessor> enterOps = new ArrayList<>();
        List<String> leaveCells = new ArrayList<>();
        List<LeaveCellProcessor> leaveOps = new ArrayList<>();
        for (String cell : sorted(cells)) {
            for (EnterCellProcessor e : enters.getOrDefault(cell, List.of())) {
                enterCells.add(cell);
                enterOps.add(e);
            }
            for (LeaveCellProcessor l : leaves.getOrDefault(cell, List.of())) {
                leaveCells.add(cell);
                leaveOps.add(l);
            }
        }
        return new PresenceBatchProcessor(enterCells.toArray(String[]::new), enterOps.toArray(EnterCellProcessor[]::new),
                leaveCells.toArray(String[]::new), leaveOps.toArray(LeaveCellProcessor[]::new));
    }

    private static List<String> sorted(Set<String> keys) {
        List<String> out = new ArrayList<>(keys);
        out.sort(null);
        return out;
    }

    /** Sends what is queued now, on the calling thread. */
    void flush() {
        pending.flush();
    }

    /** Flushes what is queued and stops the flushes. */
    @Override
    public void close() {
        pending.close();
    }
}
