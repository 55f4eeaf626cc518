package io.oregrid.grid.liveops;

import com.hazelcast.map.EntryProcessor;

import java.util.Arrays;
import java.util.Map;

/**
 * Judges and applies one game-server event in its player's partition, atomically (capabilities 7
 * and 8), in this order:
 * <ol>
 *   <li>an event id judged before → its first verdict again, nothing changes (idempotent retry);</li>
 *   <li>a blocked player → BLOCKED;</li>
 *   <li>flood guard: when the player already made {@code maxEventsPerSecond} attempts in the sliding
 *       second before {@code nowMs} → DROPPED (every attempt counts, refused or not, as SPEC "Rate
 *       limits" says);</li>
 *   <li>progression only, after {@code minSamples} accepted ones: z = (deltaXp − mean) / max(std, minStdXp)
 *       over the player's own accepted history (Welford's running mean and variance); above
 *       {@code zThreshold} → FLAGGED (held back, not counted; the history is not polluted by it), and
 *       reaching {@code blockAfterFlags} flags blocks the player. Only upward outliers are judged:
 *       less XP than usual is no advantage;</li>
 *   <li>otherwise ACCEPTED: XP added, level from {@link LevelCurve}, and each level reached grants
 *       reward {@code level-L} from the {@link RewardTable}.</li>
 * </ol>
 *
 * @param eventId  the event (derived from its Idempotency-Key)
 * @param type     its type
 * @param deltaXp  XP it claims (progression), else 0
 * @param nowMs    node clock, epoch ms
 * @param rules    fairness numbers
 * @param rewards  the reward table
 */
public record IngestEventProcessor(String eventId, EventType type, long deltaXp, long nowMs,
                                   FairnessRules rules, RewardTable rewards)
        implements EntryProcessor<String, LiveOpsPlayer, IngestResult> {

    /** Length of the flood guard's sliding window, ms. */
    public static final long WINDOW_MS = 1000;

    @Override
    public IngestResult process(Map.Entry<String, LiveOpsPlayer> entry) {
        LiveOpsPlayer state = entry.getValue() == null ? LiveOpsPlayer.initial(entry.getKey()) : entry.getValue();
        ProcessedEvent earlier = state.processedEvent(eventId);
        if (earlier != null) {
            return earlier.flagged() ? IngestResult.flagged(true, earlier)
                    : IngestResult.accepted(true, state, state.level(), earlier.atMs());
        }
        if (state.blocked()) {
            return IngestResult.simple(IngestResult.Outcome.BLOCKED, 0);
        }
        LiveOpsPlayer.Builder next = state.toBuilder();
        long[] recent = Arrays.stream(state.attemptsMs()).filter(t -> t > nowMs - WINDOW_MS).toArray();
        next.attemptsMs = newest(recent, nowMs, rules.maxEventsPerSecond());
        if (recent.length >= rules.maxEventsPerSecond()) {
            next.dropped++;
            entry.setValue(next.build());
            // room again once the oldest of the newest maxEventsPerSecond attempts (this one included) leaves
            return IngestResult.simple(IngestResult.Outcome.DROPPED,
                    Math.max(1, next.attemptsMs[0] + WINDOW_MS - nowMs));
        }
        forgetOld(next);
        if (type == EventType.PROGRESSION) {
            if (state.samples() >= rules.minSamples()) {
                double std = Math.max(state.stdXp(), rules.minStdXp());
                double z = (deltaXp - state.meanXp()) / std;
                if (z > rules.zThreshold()) {
                    next.flags++;
                    next.blocked = next.flags >= rules.blockAfterFlags();
                    ProcessedEvent verdict = new ProcessedEvent(eventId, true, z, state.meanXp(), std,
                            state.samples(), next.blocked, nowMs);
                    next.processed.add(verdict);
                    entry.setValue(next.build());
                    return IngestResult.flagged(false, verdict);
                }
            }
            next.samples++;
            double delta = deltaXp - next.meanXp;
            next.meanXp += delta / next.samples;
            next.m2Xp += delta * (deltaXp - next.meanXp);
            next.xp = Math.addExact(next.xp, deltaXp);
            int levelAfter = LevelCurve.levelFor(next.xp);
            for (int l = state.level() + 1; l <= levelAfter; l++) {
                next.rewards.add(new GrantedReward(RewardTable.levelRewardId(l), rewards.levelUpCoins(l),
                        "level_up:" + l, nowMs, null, 0));
            }
            next.level = Math.max(state.level(), levelAfter);
        }
        next.processed.add(new ProcessedEvent(eventId, false, 0, 0, 0, 0, false, nowMs));
        LiveOpsPlayer after = next.build();
        entry.setValue(after);
        return IngestResult.accepted(false, after, state.level(), nowMs);
    }

    /** The newest {@code cap} attempt times including {@code nowMs}, oldest first. */
    private static long[] newest(long[] recent, long nowMs, int cap) {
        long[] all = Arrays.copyOf(recent, recent.length + 1);
        all[recent.length] = nowMs;
        return all.length <= cap ? all : Arrays.copyOfRange(all, all.length - cap, all.length);
    }

    /** Drops remembered event ids older than the keep period. */
    private void forgetOld(LiveOpsPlayer.Builder next) {
        long keepFrom = nowMs - rules.keepProcessedMs();
        next.processed.removeIf(p -> p.atMs() < keepFrom);
    }
}
