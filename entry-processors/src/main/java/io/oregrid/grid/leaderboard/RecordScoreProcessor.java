package io.oregrid.grid.leaderboard;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * Stores a window total computed by the leaderboard job, unless the entry already holds a total that
 * counted at least as many events. The job sends absolute totals (not increments), so a total the
 * job re-emits after restarting from a snapshot, or a re-run of this processor on a backup, changes
 * nothing: the sink is idempotent and never moves a score backwards.
 *
 * @param total the player's new total in the window
 */
public record RecordScoreProcessor(LeaderboardScore total) implements EntryProcessor<String, LeaderboardScore, Boolean> {

    @Override
    public Boolean process(Map.Entry<String, LeaderboardScore> entry) {
        LeaderboardScore current = entry.getValue();
        if (current != null && current.events() >= total.events()) {
            return false;
        }
        entry.setValue(total);
        return true;
    }
}
