package io.oregrid.grid.liveops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A player's LiveOps state, value of {@code liveops-players} (key: the events' {@code playerId},
 * which is the ORE user id when the player is one of ours, so it shares that player's partition).
 *
 * @param playerId       the player (map key)
 * @param xp             total XP from accepted progression events
 * @param level          level on {@link LevelCurve}
 * @param attemptsMs     node times of the newest event attempts (at most the per-second limit), oldest first
 * @param samples        accepted progression events in the running statistics
 * @param meanXp         running mean of their deltaXp (Welford)
 * @param m2Xp           running sum of squared deviations (Welford), for the variance
 * @param flags          anomaly flags since the last unblock
 * @param blocked        whether events of this player are refused (403)
 * @param dropped        events dropped for flooding, all time
 * @param processed      recently judged event ids, oldest first
 * @param rewards        rewards granted by level-ups, in level order
 */
public record LiveOpsPlayer(String playerId, long xp, int level, long[] attemptsMs,
                            long samples, double meanXp, double m2Xp,
                            int flags, boolean blocked, long dropped,
                            ProcessedEvent[] processed, GrantedReward[] rewards) {

    /** A player the grid has not seen yet. */
    public static LiveOpsPlayer initial(String playerId) {
        return new LiveOpsPlayer(playerId, 0, 1, new long[0], 0, 0, 0, 0, false, 0,
                new ProcessedEvent[0], new GrantedReward[0]);
    }

    /** @return the earlier verdict on {@code eventId}, or null */
    public ProcessedEvent processedEvent(String eventId) {
        for (ProcessedEvent p : processed) {
            if (p.eventId().equals(eventId)) {
                return p;
            }
        }
        return null;
    }

    /** @return the reward {@code rewardId}, or null when not granted */
    public GrantedReward reward(String rewardId) {
        for (GrantedReward r : rewards) {
            if (r.rewardId().equals(rewardId)) {
                return r;
            }
        }
        return null;
    }

    /** @return sample standard deviation of accepted deltaXp (0 with fewer than 2 samples) */
    public double stdXp() {
        return samples < 2 ? 0 : Math.sqrt(m2Xp / (samples - 1));
    }

    /** Working copy used by the processors; records stay immutable. */
    Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable copy of a state, built back into a record with {@link #build()}. */
    static final class Builder {
        final String playerId;
        long xp;
        int level;
        long[] attemptsMs;
        long samples;
        double meanXp;
        double m2Xp;
        int flags;
        boolean blocked;
        long dropped;
        final List<ProcessedEvent> processed;
        final List<GrantedReward> rewards;

        private Builder(LiveOpsPlayer s) {
            playerId = s.playerId;
            xp = s.xp;
            level = s.level;
            attemptsMs = s.attemptsMs;
            samples = s.samples;
            meanXp = s.meanXp;
            m2Xp = s.m2Xp;
            flags = s.flags;
            blocked = s.blocked;
            dropped = s.dropped;
            processed = new ArrayList<>(Arrays.asList(s.processed));
            rewards = new ArrayList<>(Arrays.asList(s.rewards));
        }

        LiveOpsPlayer build() {
            return new LiveOpsPlayer(playerId, xp, level, attemptsMs, samples, meanXp, m2Xp, flags, blocked,
                    dropped, processed.toArray(ProcessedEvent[]::new), rewards.toArray(GrantedReward[]::new));
        }
    }
}
