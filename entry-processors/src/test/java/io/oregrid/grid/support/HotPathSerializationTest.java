package io.oregrid.grid.support;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.compact.CompactTestUtil;
import io.oregrid.grid.GridSerialization;
import io.oregrid.grid.cell.CellClaims;
import io.oregrid.grid.cell.CellPresence;
import io.oregrid.grid.cell.ClaimCoinProcessor;
import io.oregrid.grid.cell.ClaimResult;
import io.oregrid.grid.cell.CoinClaim;
import io.oregrid.grid.cell.CoinField;
import io.oregrid.grid.cell.CoinSpawnRules;
import io.oregrid.grid.cell.EnterCellProcessor;
import io.oregrid.grid.cell.Presence;
import io.oregrid.grid.cell.LeaveCellProcessor;
import io.oregrid.grid.cell.PresenceBatchProcessor;
import io.oregrid.grid.cell.PresenceChange;
import io.oregrid.grid.motion.AntiCheatRules;
import io.oregrid.grid.motion.AppendHistoryBatchProcessor;
import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.motion.HistoryFix;
import io.oregrid.grid.motion.MotionLimits;
import io.oregrid.grid.motion.MotionResult;
import io.oregrid.grid.motion.PlayerMotion;
import io.oregrid.grid.motion.UpdateMotionProcessor;
import io.oregrid.grid.motion.Verdict;
import io.oregrid.grid.outcome.GridOutcome;
import io.oregrid.grid.outcome.OutcomeType;
import io.oregrid.grid.outcome.RecordOutcomeProcessor;
import io.oregrid.grid.player.CollectRecord;
import io.oregrid.grid.player.CreditResult;
import io.oregrid.grid.player.PlayerState;
import io.oregrid.grid.world.WorldDelta;
import io.oregrid.grid.world.WorldDeltas;
import org.junit.jupiter.api.Test;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot path's explicit serializers: every record survives a round trip through a serialization
 * service configured like a member's, nulls and enums included, and travels as Compact (not Java
 * serialization).
 */
class HotPathSerializationTest {
    private static final long NOW = 1_700_000_000_000L;

    @Test
    void hotRecordsRoundTripThroughTheirExplicitSerializers() {
        SerializationConfig config = new SerializationConfig();
        GridSerialization.apply(config);
        InternalSerializationService ss = CompactTestUtil.createSerializationService(config);

        Fix fix = new Fix(-10.9, -37.0, 8, NOW, 1.4, null);
        Map.Entry<String, PlayerMotion> motion = new AbstractMap.SimpleEntry<>("p1", null);
        UpdateMotionProcessor update = new UpdateMotionProcessor(fix, NOW, AntiCheatRules.defaults(), 15,
                new MotionLimits(60, 2, 10, 30_000));
        MotionResult result = update.process(motion);
        CoinSpawnRules rules = new CoinSpawnRules(10, 900_000, 10, 50, 100, 20, 5, 300_000);
        var coin = CoinField.spawnAll("0d94b2c4", rules.epochOf(NOW), rules)[3];
        ClaimCoinProcessor claim = new ClaimCoinProcessor(coin.id(), coin, "p1", "k1", coin.lat(), coin.lng(), 10, 1, NOW, 10);
        Map.Entry<String, CellClaims> claims = new AbstractMap.SimpleEntry<>("0d94b2c4", null);
        ClaimResult claimed = claim.process(claims);
        CollectRecord record = new CollectRecord("k1", coin.id(), 10, 10, NOW);

        List<Object> values = List.of(fix, motion.getValue(), update, result,
                new Verdict(null, 1.4, 0), result.verdict(),
                new CellPresence("0d94b2c4", new Presence[]{new Presence("p1", "alice", 1, 2, NOW)}),
                new EnterCellProcessor("p1", "alice", 1, 2, NOW, NOW, 300_000),
                new PresenceChange(true, new String[]{"p2"}),
                coin, claim, new ClaimCoinProcessor("x", null, "p1", "k1", 1, 2, 10, 1, NOW, 10),
                claimed, claims.getValue(), claimed.claim().credited(),
                new PlayerState("p1", 10, 1, new CollectRecord[]{record}),
                new CreditResult(CreditResult.Outcome.KEY_REUSED, null),
                new RecordOutcomeProcessor(new GridOutcome(GridOutcome.fixId("p1", 1), OutcomeType.FIX, "p1",
                        "0d94b2c4", 1, 2, 0, NOW)),
                new PresenceBatchProcessor(new String[]{"0d94b2c4"}, new EnterCellProcessor[]{
                        new EnterCellProcessor("p1", "alice", 1, 2, NOW, NOW, 300_000)}, new String[]{"0d94b2c5"},
                        new LeaveCellProcessor[]{new LeaveCellProcessor("p1", NOW)}),
                new AppendHistoryBatchProcessor(new String[]{"p1", "p2"}, new HistoryFix[]{
                        new HistoryFix(1, 2, 5, NOW, "0d94b2c4"), new HistoryFix(3, 4, 5, NOW, "0d94b2c5")}, 500),
                new WorldDeltas(new WorldDelta[]{WorldDelta.left("0d94b2c4", new String[]{"p2"}),
                        WorldDelta.moved("0d94b2c4", null, new Presence("p1", "alice", 1, 2, NOW), 3)}));
        for (Object v : values) {
            Data data = ss.toData(v);
            assertThat(data.isCompact()).as(v.getClass().getSimpleName() + " travels as Compact").isTrue();
            Object back = ss.toObject(data);
            assertThat(back).as(v.getClass().getSimpleName()).usingRecursiveComparison().isEqualTo(v);
        }
        assertThat(claims.getValue().claims()).extracting(CoinClaim::coinId).containsExactly(coin.id());
    }
}
