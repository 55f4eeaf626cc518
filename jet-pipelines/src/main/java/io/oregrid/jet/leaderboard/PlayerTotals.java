package io.oregrid.jet.leaderboard;

import io.oregrid.grid.leaderboard.LeaderboardScore;
import io.oregrid.grid.liveops.GameEvent;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One player's running totals in the job's keyed state (saved in Jet snapshots): per window, score,
 * when it was reached and how many events counted. Only the two newest windows of each kind are kept
 * (the current one and the one just closed, for events accepted a moment before a boundary that
 * arrive after the next window's first event); an event of an older window is not counted.
 */
final class PlayerTotals implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Windows kept per kind. */
    static final int KEPT_PER_KIND = 2;

    /** window key → {ordinal, kind ordinal, score, reachedAtMs, events} */
    private final Map<String, long[]> windows = new HashMap<>();

    /** Counts {@code event} in its windows and returns the player's new totals there. */
    List<LeaderboardScore> add(GameEvent event, LeaderboardWindows cut) {
        List<LeaderboardScore> out = new ArrayList<>(3);
        for (LeaderboardWindows.Window w : cut.windowsOf(event.acceptedAtMs())) {
            long[] t = windows.get(w.key());
            if (t == null) {
                if (olderThanKept(w)) {
                    continue;
                }
                t = new long[]{w.ordinal(), w.kind().ordinal(), 0, event.acceptedAtMs(), 0};
                windows.put(w.key(), t);
                prune(w.kind());
            }
            t[2] = Math.addExact(t[2], event.points());
            if (event.points() != 0) {
                t[3] = Math.max(t[3], event.acceptedAtMs());
            }
            t[4]++;
            out.add(new LeaderboardScore(w.key(), event.playerId(), t[2], t[3], t[4]));
        }
        return out;
    }

    private boolean olderThanKept(LeaderboardWindows.Window w) {
        int newer = 0;
        for (long[] t : windows.values()) {
            if (t[1] == w.kind().ordinal() && t[0] > w.ordinal()) {
                newer++;
            }
        }
        return newer >= KEPT_PER_KIND;
    }

    private void prune(LeaderboardWindows.Kind kind) {
        while (windows.values().stream().filter(t -> t[1] == kind.ordinal()).count() > KEPT_PER_KIND) {
            windows.entrySet().stream().filter(e -> e.getValue()[1] == kind.ordinal())
                    .min((a, b) -> Long.compare(a.getValue()[0], b.getValue()[0]))
                    .ifPresent(e -> windows.remove(e.getKey()));
        }
    }
}
