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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The grid writes that follow accepted fixes, coalesced per node (ARCHITECTURE "Cost rules"): each
 * flush ({@code ORE_TAIL_FLUSH_MS}) sends every queued history append as one
 * {@link AppendHistoryBatchProcessor} over the players' keys and every due presence change as one
 * {@link PresenceBatchProcessor} over the cells' keys — two multi-key operations per flush however many
 * fixes it carries, instead of two or three operations per fix. Players dropped from a cell as stale
 * go to the {@link WorldFeed}.
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
        this.pending = new Coalescer<>("location tail", flushMs, MAX_BATCH, this::flush, timer);
    }

    /** Queues one accepted fix's follow-ups for the next flush. */
    void add(Accepted fix) {
        pending.add(fix);
    }

    private void flush(List<Accepted> batch) {
        List<Accepted> byPlayer = new ArrayList<>(batch);
        byPlayer.sort(Comparator.comparing(Accepted::playerId));
        String[] players = new String[byPlayer.size()];
        HistoryFix[] fixes = new HistoryFix[byPlayer.size()];
        for (int i = 0; i < players.length; i++) {
            players[i] = byPlayer.get(i).playerId();
            fixes[i] = byPlayer.get(i).history();
        }
        histories.detachAll(new HashSet<>(Arrays.asList(players)),
                new AppendHistoryBatchProcessor(players, fixes, historyPerPlayer));

        List<Accepted> enters = new ArrayList<>();
        List<Accepted> leaves = new ArrayList<>();
        for (Accepted a : batch) {
            if (a.enter() != null) {
                enters.add(a);
            }
            if (a.leave() != null) {
                leaves.add(a);
            }
        }
        if (enters.isEmpty() && leaves.isEmpty()) {
            return;
        }
        enters.sort(Comparator.comparing(a -> a.history().cellToken()));
        leaves.sort(Comparator.comparing(Accepted::leftCell));
        Set<String> cells = new HashSet<>();
        String[] enterCells = new String[enters.size()];
        EnterCellProcessor[] enterOps = new EnterCellProcessor[enters.size()];
        for (int i = 0; i < enterCells.length; i++) {
            enterCells[i] = enters.get(i).history().cellToken();
            enterOps[i] = enters.get(i).enter();
            cells.add(enterCells[i]);
        }
        String[] leaveCells = new String[leaves.size()];
        LeaveCellProcessor[] leaveOps = new LeaveCellProcessor[leaves.size()];
        for (int i = 0; i < leaveCells.length; i++) {
            leaveCells[i] = leaves.get(i).leftCell();
            leaveOps[i] = leaves.get(i).leave();
            cells.add(leaveCells[i]);
        }
        presence.detachAll(cells, new PresenceBatchProcessor(enterCells, enterOps, leaveCells, leaveOps))
                .thenAccept(changes -> {
                    for (Map.Entry<String, PresenceChange> c : changes.entrySet()) {
                        feed.left(c.getKey(), c.getValue().dropped());
                    }
                });
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
