package io.oregrid.grid.cell;

import io.oregrid.grid.support.Geo;
import org.junit.jupiter.api.Test;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies spawning, presence and the claim step of a collect on a single cell entry. */
class CellProcessorsTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final CoinSpawnRules RULES = new CoinSpawnRules(10, 900_000, 10, 50, 100, 20, 5, 300_000);
    private static final double LAT = -10.9393, LNG = -37.0627;
    private static final String CELL = Geo.cellToken(LAT, LNG, 15);

    private static Map.Entry<String, CellState> entered() {
        Map.Entry<String, CellState> e = new AbstractMap.SimpleEntry<>(CELL, null);
        new EnterCellProcessor("p1", "alice", LAT, LNG, NOW, NOW, RULES).process(e);
        return e;
    }

    @Test
    void enteringSpawnsDensityCoinsInsideTheCellDeterministically() {
        Map.Entry<String, CellState> a = entered();
        Map.Entry<String, CellState> b = entered();
        assertThat(a.getValue().coins()).hasSize(10);
        assertThat(a.getValue().coins()).containsExactly(b.getValue().coins());
        for (Coin c : a.getValue().coins()) {
            assertThat(Geo.cellToken(c.lat(), c.lng(), 15)).isEqualTo(CELL);
            assertThat(c.expiresAtMs()).isEqualTo(NOW + 900_000);
            assertThat(c.value()).isIn(10, 50, 100);
        }
        assertThat(a.getValue().presenceOf("p1")).isNotNull();
    }

    @Test
    void reRunSpawnsNothingMore() {
        Map.Entry<String, CellState> e = entered();
        Coin[] spawned = new EnterCellProcessor("p1", "alice", LAT, LNG, NOW, NOW, RULES).process(e).spawned();
        assertThat(spawned).isEmpty();
        assertThat(e.getValue().coins()).hasSize(10);
    }

    @Test
    void claimedCoinsAreReplacedWithNewIdsUpToTheEpochCap() {
        Map.Entry<String, CellState> e = entered();
        Coin first = e.getValue().coins()[0];
        ClaimResult r = new ClaimCoinProcessor(first.id(), "p1", "k1", first.lat(), first.lng(), 10, 1.0, NOW).process(e);
        assertThat(r.outcome()).isEqualTo(ClaimResult.Outcome.CLAIMED);
        Coin[] more = new EnterCellProcessor("p1", "alice", LAT, LNG, NOW + 1, NOW + 1, RULES).process(e).spawned();
        assertThat(more).hasSize(1);
        assertThat(Arrays.stream(e.getValue().coins()).map(Coin::id).distinct().count()).isEqualTo(11);
    }

    @Test
    void claimIsJudgedInOrderAndHappensOnce() {
        Map.Entry<String, CellState> e = entered();
        Coin c = e.getValue().coins()[0];
        ClaimCoinProcessor far = new ClaimCoinProcessor(c.id(), "p1", "k1", c.lat() + 0.001, c.lng(), 10, 1.0, NOW);
        ClaimResult outOfRange = far.process(e);
        assertThat(outOfRange.outcome()).isEqualTo(ClaimResult.Outcome.OUT_OF_RANGE);
        assertThat(outOfRange.distanceM()).isBetween(100.0, 120.0);

        ClaimResult won = new ClaimCoinProcessor(c.id(), "p1", "k1", c.lat(), c.lng(), 10, 2.0, NOW).process(e);
        assertThat(won.outcome()).isEqualTo(ClaimResult.Outcome.CLAIMED);
        assertThat(won.coin().claimCredit()).isEqualTo(c.value() * 2L);
        assertThat(new ClaimCoinProcessor(c.id(), "p1", "k1", c.lat(), c.lng(), 10, 2.0, NOW).process(e).outcome())
                .isEqualTo(ClaimResult.Outcome.CLAIMED_BY_SAME_REQUEST);
        assertThat(new ClaimCoinProcessor(c.id(), "p1", "k2", c.lat(), c.lng(), 10, 2.0, NOW).process(e).outcome())
                .isEqualTo(ClaimResult.Outcome.ALREADY_COLLECTED);
        assertThat(new ClaimCoinProcessor(c.id(), "p2", "k1", c.lat(), c.lng(), 10, 2.0, NOW).process(e).outcome())
                .isEqualTo(ClaimResult.Outcome.ALREADY_COLLECTED);
        assertThat(new ClaimCoinProcessor("nope", "p2", "k1", c.lat(), c.lng(), 10, 2.0, NOW).process(e).outcome())
                .isEqualTo(ClaimResult.Outcome.NOT_FOUND);
        Coin other = e.getValue().coins()[1];
        assertThat(new ClaimCoinProcessor(other.id(), "p2", "k9", other.lat(), other.lng(), 10, 1.0, other.expiresAtMs())
                .process(e).outcome()).isEqualTo(ClaimResult.Outcome.EXPIRED);
    }

    @Test
    void markCreditedAndReleaseOnlyTouchTheirOwnPendingClaim() {
        Map.Entry<String, CellState> e = entered();
        Coin c = e.getValue().coins()[0];
        new ClaimCoinProcessor(c.id(), "p1", "k1", c.lat(), c.lng(), 10, 1.0, NOW).process(e);
        assertThat(new ReleaseClaimProcessor(c.id(), "p1", "other").process(e)).isFalse();
        assertThat(new MarkCreditedProcessor(c.id(), "other").process(e)).isFalse();
        assertThat(new MarkCreditedProcessor(c.id(), "k1").process(e)).isTrue();
        assertThat(e.getValue().coin(c.id()).claim()).isEqualTo(ClaimState.CREDITED);
        assertThat(new ReleaseClaimProcessor(c.id(), "p1", "k1").process(e)).as("credited claims stay").isFalse();
    }

    @Test
    void leavingRemovesOnlyOlderPresence() {
        Map.Entry<String, CellState> e = entered();
        assertThat(new LeaveCellProcessor("p1", NOW - 1).process(e)).isFalse();
        assertThat(new LeaveCellProcessor("p1", NOW).process(e)).isTrue();
        assertThat(e.getValue().presenceOf("p1")).isNull();
    }
}
