package io.oregrid.jet.leaderboard;

import com.hazelcast.core.EntryEventType;
import com.hazelcast.jet.Traversers;
import com.hazelcast.jet.pipeline.JournalInitialPosition;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.Sinks;
import com.hazelcast.jet.pipeline.Sources;
import com.hazelcast.jet.pipeline.StreamSource;
import com.hazelcast.map.EventJournalMapEvent;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.leaderboard.LeaderboardScore;
import io.oregrid.grid.leaderboard.RecordScoreProcessor;
import io.oregrid.grid.liveops.EventKey;
import io.oregrid.grid.liveops.GameEvent;

/**
 * Leaderboards from the accepted-event stream (issue #6): every accepted event adds its
 * {@link GameEvent#points()} (progression: its {@code deltaXp}; boss kills and drops: the reward
 * table's value, fixed at ingestion) to its player's daily, weekly and seasonal window, cut by the
 * event's acceptance time in UTC ({@link LeaderboardWindows}).
 * <p>
 * Exactly-once without a transactional sink: the totals live in the job's keyed state, which Jet
 * snapshots together with the journal offsets (run it with {@code EXACTLY_ONCE}), and the sink
 * writes absolute totals versioned by their event count ({@link RecordScoreProcessor}). After a
 * member loss the job restarts from the last snapshot and re-emits totals the map may already hold;
 * those writes change nothing, so no event is lost or counted twice. Per-key order through the
 * stages is kept with {@code setPreserveOrder(true)} (STACK.md: a journal-to-map pipeline reorders
 * otherwise).
 */
public final class LeaderboardPipeline {
    /** The job's name: submitted with {@code newJobIfAbsent}, so once per cluster. */
    public static final String JOB_NAME = "leaderboards";

    private LeaderboardPipeline() {
    }

    /**
     * The production source: the {@code liveops-events} journal from its oldest event, so a new job
     * (e.g. after a cancellation) rebuilds the totals from what the journal still holds. Only ADDED
     * entries are events; the stream map's TTL expiries are not.
     */
    public static StreamSource<GameEvent> journal() {
        return Sources.<GameEvent, EventKey, GameEvent>mapJournal(GridMaps.LIVEOPS_EVENTS,
                JournalInitialPosition.START_FROM_OLDEST, EventJournalMapEvent::getNewValue,
                e -> e.getType() == EntryEventType.ADDED);
    }

    /**
     * @param source  accepted events (production: {@link #journal()}; tests: anything)
     * @param windows how time is cut into windows
     * @return the pipeline writing {@code leaderboards}
     */
    public static Pipeline build(StreamSource<GameEvent> source, LeaderboardWindows windows) {
        Pipeline p = Pipeline.create().setPreserveOrder(true);
        p.readFrom(source)
                .withoutTimestamps()
                // GameEvent
                .groupingKey(GameEvent::playerId)
                .flatMapStateful(PlayerTotals::new,
                        (PlayerTotals totals, String player, GameEvent e) -> Traversers.traverseIterable(totals.add(e, windows)))
                // LeaderboardScore: the player's new total in each window the event counted in
                .writeTo(Sinks.<LeaderboardScore, String, LeaderboardScore, Boolean>mapWithEntryProcessor(
                        GridMaps.LEADERBOARDS, LeaderboardScore::mapKey, RecordScoreProcessor::new));
        return p;
    }
}
