package io.oregrid.node.liveops;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.config.ProcessingGuarantee;
import io.oregrid.jet.leaderboard.LeaderboardPipeline;
import io.oregrid.jet.leaderboard.LeaderboardWindows;

/**
 * Submits the leaderboard job ({@link LeaderboardPipeline}) by name with {@code newJobIfAbsent}, so
 * every member may call it at start and the cluster still runs one job. {@code EXACTLY_ONCE}: the
 * job's per-player totals are snapshotted with the journal offsets, which is what makes its
 * absolute-total sink exact after a member loss (see {@link LeaderboardPipeline}).
 */
public final class LeaderboardJob {
    /** How often the job snapshots its totals and journal offsets, ms (bounds what a restart re-reads). */
    public static final long SNAPSHOT_INTERVAL_MS = 2_000;

    private LeaderboardJob() {
    }

    /** @return the windows of {@code config} ({@code ORE_SEASON_START}, {@code ORE_SEASON_LENGTH_DAYS}) */
    public static LeaderboardWindows windows(LiveOpsConfig config) {
        return new LeaderboardWindows(config.seasonStart(), config.seasonLengthDays());
    }

    /**
     * @param member a running member
     * @return the cluster's leaderboard job (new or the one already running), or null when Jet is off
     */
    public static Job submit(HazelcastInstance member, LiveOpsConfig config) {
        if (!member.getConfig().getJetConfig().isEnabled()) {
            return null;
        }
        return member.getJet().newJobIfAbsent(LeaderboardPipeline.build(LeaderboardPipeline.journal(), windows(config)),
                new JobConfig().setName(LeaderboardPipeline.JOB_NAME)
                        .setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE)
                        .setSnapshotIntervalMillis(SNAPSHOT_INTERVAL_MS));
    }
}
