package io.oregrid.node.liveops;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.liveops.EventKey;
import io.oregrid.grid.liveops.FairnessRules;
import io.oregrid.grid.liveops.GameEvent;
import io.oregrid.grid.liveops.IngestEventProcessor;
import io.oregrid.grid.liveops.IngestResult;
import io.oregrid.grid.liveops.LiveOpsPlayer;
import io.oregrid.grid.liveops.RewardTable;
import io.oregrid.grid.liveops.SuspiciousEvent;
import io.oregrid.grid.liveops.UnblockPlayerProcessor;
import io.oregrid.grid.support.GameClock;

/**
 * Transport-neutral LiveOps operations (SPEC capabilities 6–8): ingest an event through its player's
 * fairness and progression processor and, when accepted, into the event stream; keep flagged events
 * as suspicious; unblock players. Every step is idempotent by event id, so a retried ingestion
 * finishes what a cut-off one began and adds nothing twice.
 */
public final class LiveOpsService {
    private final IMap<String, LiveOpsPlayer> players;
    private final IMap<EventKey, GameEvent> events;
    private final IMap<String, SuspiciousEvent> suspicious;
    private final GameClock clock;
    private final FairnessRules fairness;
    private final RewardTable rewards;

    /**
     * @param keepProcessedMs how long a player's state remembers judged event ids, ms (must cover
     *                        the Idempotency-Key lease, after which a retry finishes a cut-off request)
     */
    public LiveOpsService(HazelcastInstance hz, GameClock clock, LiveOpsConfig config, long keepProcessedMs) {
        this.players = hz.getMap(GridMaps.LIVEOPS_PLAYERS);
        this.events = hz.getMap(GridMaps.LIVEOPS_EVENTS);
        this.suspicious = hz.getMap(GridMaps.SUSPICIOUS_EVENTS);
        this.clock = clock;
        this.fairness = config.fairness(keepProcessedMs);
        this.rewards = config.rewards();
    }

    /**
     * Judges and applies one event: ACCEPTED events enter the stream ({@code liveops-events}),
     * FLAGGED ones are stored in {@code suspicious-events}; DROPPED and BLOCKED change nothing else.
     *
     * @param event   the validated event
     * @param eventId its id (from {@link IdempotencyKeys#effectId})
     * @return the player processor's verdict
     */
    public IngestResult ingest(IncomingEvent event, String eventId) {
        IngestResult result = players.executeOnKey(event.playerId(),
                new IngestEventProcessor(eventId, event.type(), event.deltaXp(), clock.nowMs(), fairness, rewards));
        if (result.outcome() == IngestResult.Outcome.ACCEPTED) {
            events.putIfAbsent(new EventKey(event.playerId(), eventId),
                    new GameEvent(eventId, event.playerId(), event.type().wireName(), event.ts(), result.atMs(),
                            event.deltaXp(), points(event), event.body()));
        } else if (result.outcome() == IngestResult.Outcome.FLAGGED) {
            suspicious.set(eventId, new SuspiciousEvent(eventId, event.playerId(),
                    event.type().wireName(), event.deltaXp(), result.zScore(), result.meanXp(), result.stdXp(),
                    result.samples(), result.atMs(), result.blocked(), event.body()));
        }
        return result;
    }

    /** @return the leaderboard points of {@code event} per the reward table */
    public long points(IncomingEvent event) {
        return switch (event.type()) {
            case PROGRESSION -> event.deltaXp();
            case BOSS_KILL -> rewards.bossKillPoints();
            case DROP_CLAIMED -> rewards.dropPoints(event.rarity());
        };
    }

    /**
     * Lifts a block and resets the flag count (admin).
     *
     * @return whether the player was blocked
     */
    public boolean unblock(String playerId) {
        return Boolean.TRUE.equals(players.executeOnKey(playerId, new UnblockPlayerProcessor()));
    }

    /** @return the player's LiveOps state, or null when no event of theirs was seen */
    public LiveOpsPlayer player(String playerId) {
        return players.get(playerId);
    }
}
