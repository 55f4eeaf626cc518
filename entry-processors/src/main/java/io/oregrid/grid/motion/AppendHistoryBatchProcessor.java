package io.oregrid.grid.motion;

import com.hazelcast.map.EntryProcessor;
import io.oregrid.grid.support.LocalEntry;
import io.oregrid.grid.support.SortedKeys;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

/**
 * Many players' accepted fixes appended to their bounded histories in one multi-key operation
 * ({@code IMap.submitToKeys}; ARCHITECTURE "Cost rules": the tail of accepted fixes is coalesced per
 * node). For the player it runs on, appends that player's fixes oldest first, each as
 * {@link AppendHistoryProcessor} would (a fix not newer than the newest kept is ignored: idempotent),
 * and writes the history once.
 *
 * @param players the player of each fix ({@code players[i]} owns {@code fixes[i]}), sorted ascending
 * @param fixes   accepted fixes; one player's in any order
 * @param max     fixes kept per player
 * @throws IllegalArgumentException when the arrays differ in length or {@code players} is not sorted
 */
public record AppendHistoryBatchProcessor(String[] players, HistoryFix[] fixes, int max)
        implements EntryProcessor<String, LocationHistory, Integer> {

    public AppendHistoryBatchProcessor {
        if (players.length != fixes.length || !SortedKeys.sorted(players)) {
            throw new IllegalArgumentException("players and fixes must pair up, players sorted");
        }
    }

    /** @return how many fixes were appended to this player's history */
    @Override
    public Integer process(Map.Entry<String, LocationHistory> entry) {
        int from = SortedKeys.from(players, entry.getKey());
        int to = from;
        while (to < players.length && players[to].equals(entry.getKey())) {
            to++;
        }
        HistoryFix[] mine = Arrays.copyOfRange(fixes, from, to);
        Arrays.sort(mine, Comparator.comparingLong(HistoryFix::timestampMs));
        LocalEntry<String, LocationHistory> local = new LocalEntry<>(entry.getKey(), entry.getValue());
        int appended = 0;
        for (HistoryFix f : mine) {
            if (new AppendHistoryProcessor(f, max).process(local)) {
                appended++;
            }
        }
        local.writeTo(entry);
        return appended;
    }
}
