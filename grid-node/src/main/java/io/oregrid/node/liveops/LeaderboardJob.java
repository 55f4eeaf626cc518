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
    private LeaderboardJob() {
    }

    /** @return the windows of {@code config} ({@code ORE_SEASON_START}, {@code ORE_SEASON_LENGTH_DAYS}) */
    public static LeaderboardWindows windows(LiveOpsConfig config) {
        return new LeaderboardWindows(config.seasonStart(), config.seasonLengthDays());
    }

    /**
     * @param member             a running member
     * @param snapshotIntervalMs how often the job snapshots its totals and journal offsets, ms
     *                           ({@code ORE_JET_SNAPSHOT_INTERVAL_S}: bounds what a restart re-reads)
     * @return the cluster's leaderboard job (new or the one already running), or null when Jet is off
     */
    public static Job submit(HazelcastInstance member, LiveOpsConfig config, long snapshotIntervalMs) {
        if (!member.getConfig().getJetConfig().isEnabled()) {
            return null;
        }
        return member.getJet().newJobIfAbsent(LeaderboardPipeline.build(LeaderboardPipeline.journal(), windows(config)),
                new JobConfig().setName(LeaderboardPipeline.JOB_NAME)
                        .setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE)
                        .setSnapshotIntervalMillis(snapshotIntervalMs));
    }
}
