package io.oregrid.grid.liveops;

import org.junit.jupiter.api.Test;

import java.util.AbstractMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies the player's fairness and progression processor without a cluster. */
class IngestEventProcessorTest {
    private static final FairnessRules RULES = new FairnessRules(3, 3.0, 5, 1.0, 2, 60_000);
    private static final RewardTable TABLE = new RewardTable(50, 500, 10, 50, 200, 1000);
    private final Map.Entry<String, LiveOpsPlayer> entry = new AbstractMap.SimpleEntry<>("p1", null);
    private int seq;

    private IngestResult send(EventType type, long xp, long nowMs) {
        return new IngestEventProcessor("e" + (seq++), type, xp, nowMs, RULES, TABLE).process(entry);
    }

    @Test
    void floodBeyondTheSlidingSecondIsDroppedAndEveryAttemptCounts() {
        assertThat(send(EventType.BOSS_KILL, 0, 1_000).outcome()).isEqualTo(IngestResult.Outcome.ACCEPTED);
        assertThat(send(EventType.BOSS_KILL, 0, 1_100).outcome()).isEqualTo(IngestResult.Outcome.ACCEPTED);
        assertThat(send(EventType.BOSS_KILL, 0, 1_200).outcome()).isEqualTo(IngestResult.Outcome.ACCEPTED);
        IngestResult dropped = send(EventType.BOSS_KILL, 0, 1_300);
        assertThat(dropped.outcome()).isEqualTo(IngestResult.Outcome.DROPPED);
        assertThat(dropped.retryAfterMs()).isEqualTo(800); // the 1_100 attempt leaves the window at 2_100
        assertThat(send(EventType.BOSS_KILL, 0, 2_050).outcome()).isEqualTo(IngestResult.Outcome.DROPPED);
        assertThat(send(EventType.BOSS_KILL, 0, 3_100).outcome()).isEqualTo(IngestResult.Outcome.ACCEPTED);
        assertThat(entry.getValue().dropped()).isEqualTo(2);
    }

    @Test
    void outlierIsFlaggedOnlyAfterEnoughSamplesAndTheSecondFlagBlocks() {
        long t = 0;
        assertThat(send(EventType.PROGRESSION, 10_000, t += 2_000).outcome())
                .as("first sample: too little history to judge").isEqualTo(IngestResult.Outcome.ACCEPTED);
        for (long xp : new long[]{100, 110, 90, 105}) {
            assertThat(send(EventType.PROGRESSION, xp, t += 2_000).outcome()).isEqualTo(IngestResult.Outcome.ACCEPTED);
        }
        LiveOpsPlayer before = entry.getValue();
        assertThat(before.samples()).isEqualTo(5);
        IngestResult flagged = send(EventType.PROGRESSION, 1_000_000, t += 2_000);
        assertThat(flagged.outcome()).isEqualTo(IngestResult.Outcome.FLAGGED);
        assertThat(flagged.zScore()).isGreaterThan(3.0);
        assertThat(flagged.blocked()).isFalse();
        assertThat(entry.getValue().xp()).as("a flagged event is not counted").isEqualTo(before.xp());
        assertThat(entry.getValue().samples()).isEqualTo(5);
        IngestResult second = send(EventType.PROGRESSION, 1_000_000, t += 2_000);
        assertThat(second.outcome()).isEqualTo(IngestResult.Outcome.FLAGGED);
        assertThat(second.blocked()).isTrue();
        assertThat(send(EventType.PROGRESSION, 100, t += 2_000).outcome()).isEqualTo(IngestResult.Outcome.BLOCKED);
        assertThat(new UnblockPlayerProcessor().process(entry)).isTrue();
        assertThat(send(EventType.PROGRESSION, 100, t + 2_000).outcome()).isEqualTo(IngestResult.Outcome.ACCEPTED);
    }

    @Test
    void aRepeatedEventIdAnswersTheFirstVerdictAndChangesNothing() {
        IngestEventProcessor p = new IngestEventProcessor("same", EventType.PROGRESSION, 500, 1_000, RULES, TABLE);
        IngestResult first = p.process(entry);
        LiveOpsPlayer after = entry.getValue();
        IngestResult again = new IngestEventProcessor("same", EventType.PROGRESSION, 500, 1_500, RULES, TABLE)
                .process(entry);
        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.atMs()).isEqualTo(1_000);
        assertThat(entry.getValue()).isSameAs(after);
        assertThat(entry.getValue().xp()).isEqualTo(500);
    }

    @Test
    void levelUpsGrantOneRewardPerLevelAndClaimsAreIdempotent() {
        IngestResult r = send(EventType.PROGRESSION, 950, 1_000);
        assertThat(r.levelBefore()).isEqualTo(1);
        assertThat(r.level()).isEqualTo(4); // 900 XP reaches level 4
        assertThat(entry.getValue().rewards()).extracting(GrantedReward::rewardId)
                .containsExactly("level-2", "level-3", "level-4");
        assertThat(entry.getValue().reward("level-3").amount()).isEqualTo(150);
        GrantedReward claimed = new ClaimRewardProcessor("level-3", "r-1", 5_000).process(entry);
        GrantedReward again = new ClaimRewardProcessor("level-3", "r-2", 9_000).process(entry);
        assertThat(again).isEqualTo(claimed);
        assertThat(again.receiptId()).isEqualTo("r-1");
        assertThat(again.issuedAtMs()).isEqualTo(5_000);
        assertThat(new ClaimRewardProcessor("level-9", "r-3", 9_000).process(entry)).isNull();
    }

    @Test
    void levelCurveMatchesItsDocumentedValues() {
        assertThat(LevelCurve.levelFor(0)).isEqualTo(1);
        assertThat(LevelCurve.levelFor(99)).isEqualTo(1);
        assertThat(LevelCurve.levelFor(100)).isEqualTo(2);
        assertThat(LevelCurve.levelFor(399)).isEqualTo(2);
        assertThat(LevelCurve.levelFor(400)).isEqualTo(3);
        assertThat(LevelCurve.levelFor(8_100)).isEqualTo(10);
        assertThat(LevelCurve.levelFor(980_100)).isEqualTo(100);
        assertThat(LevelCurve.levelFor(Long.MAX_VALUE / 2)).isEqualTo(LevelCurve.MAX_LEVEL);
    }
}
