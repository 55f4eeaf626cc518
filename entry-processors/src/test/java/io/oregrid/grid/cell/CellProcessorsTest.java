package io.oregrid.grid.cell;

import io.oregrid.grid.support.Geo;
import org.junit.jupiter.api.Test;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies derived coins, presence and the claim step of a collect on single cell entries. */
class CellProcessorsTest {
    private static final CoinSpawnRules RULES = new CoinSpawnRules(10, 900_000, 10, 50, 100, 20, 5, 300_000);
    /** A node time at the start of an epoch: slot s's coin of this epoch starts s × 90 s later. */
    private static final long EPOCH_START = 1_700_000_000_000L / 900_000 * 900_000 + 900_000;
    private static final long EPOCH = RULES.epochOf(EPOCH_START);
    /** Every slot's coin of {@link #EPOCH} is alive. */
    private static final long NOW = EPOCH_START + 850_000;
    private static final double LAT = -10.9393, LNG = -37.0627;
    private static final String CELL = Geo.cellToken(LAT, LNG, 15);

    private static Map.Entry<String, CellClaims> noClaims() {
        return new AbstractMap.SimpleEntry<>(CELL, null);
    }

    private static ClaimCoinProcessor claim(Coin c, String player, String key, double multiplier, long nowMs) {
        return new ClaimCoinProcessor(c.id(), c, player, key, c.lat(), c.lng(), 10, multiplier, nowMs, RULES.density());
    }

    private static List<Coin> live(Map.Entry<String, CellClaims> e, long nowMs) {
        return CoinField.live(epoch -> CoinField.spawnAll(CELL, epoch, RULES), e.getValue(), RULES, nowMs);
    }

    private static Coin[] all() {
        return CoinField.spawnAll(CELL, EPOCH, RULES);
    }

    @Test
    void everyCellHoldsDensityCoinsInsideItselfDerivedTheSameEverywhere() {
        Coin[] a = all();
        assertThat(a).hasSize(RULES.maxSpawnsPerEpoch()).containsExactly(all());
        assertThat(Arrays.stream(a).map(Coin::id).distinct().count()).isEqualTo(a.length);
        assertThat(CoinField.spawnAll(CELL, EPOCH + 1, RULES)[0].id()).isNotEqualTo(a[0].id());
        List<Coin> live = live(noClaims(), NOW);
        assertThat(live).hasSize(10).containsExactly(Arrays.copyOf(a, 10));
        for (Coin c : live) {
            assertThat(Geo.cellToken(c.lat(), c.lng(), 15)).isEqualTo(CELL);
            assertThat(c.expiresAtMs() - c.spawnedAtMs()).isEqualTo(900_000);
            assertThat(c.value()).isIn(10, 50, 100);
        }
    }

    @Test
    void lifetimesAreStaggeredSoACellNeverEmptiesAtOnce() {
        Coin[] a = all();
        for (int slot = 0; slot < 10; slot++) {
            assertThat(a[slot].spawnedAtMs()).isEqualTo(EPOCH_START + slot * 90_000L);
            assertThat(a[slot + 10].expiresAtMs()).as("a replacement ends with its slot").isEqualTo(a[slot].expiresAtMs());
        }
        long justAfterSlot0Ends = EPOCH_START + 900_000;
        List<Coin> later = live(noClaims(), justAfterSlot0Ends);
        assertThat(later).hasSize(10);
        assertThat(later.get(0).epoch()).as("slot 0 has respawned").isEqualTo(EPOCH + 1);
        assertThat(later.subList(1, 10)).as("the other slots live on").containsExactly(Arrays.copyOfRange(a, 1, 10));
    }

    @Test
    void aClaimedCoinIsReplacedInItsSlotOnceAnEpoch() {
        Map.Entry<String, CellClaims> e = noClaims();
        Coin[] a = all();
        assertThat(claim(a[13], "p1", "k0", 1, NOW).process(e).outcome())
                .as("a replacement waits for its slot's first coin").isEqualTo(ClaimResult.Outcome.NOT_FOUND);
        ClaimResult first = claim(a[3], "p1", "k1", 1, NOW).process(e);
        assertThat(first.outcome()).isEqualTo(ClaimResult.Outcome.CLAIMED);
        assertThat(first.appearedIndex()).isEqualTo(13);
        assertThat(live(e, NOW)).hasSize(10).doesNotContain(a[3]).contains(a[13]);
        ClaimResult second = claim(a[13], "p1", "k2", 1, NOW).process(e);
        assertThat(second.outcome()).isEqualTo(ClaimResult.Outcome.CLAIMED);
        assertThat(second.appearedIndex()).as("supply of the slot used up").isEqualTo(-1);
        assertThat(live(e, NOW)).hasSize(9);
        assertThat(claim(a[0], "p1", "k3", 1, EPOCH_START - 1).process(e).outcome())
                .as("not started yet").isEqualTo(ClaimResult.Outcome.NOT_FOUND);
    }

    @Test
    void claimIsJudgedInOrderAndHappensOnce() {
        Map.Entry<String, CellClaims> e = noClaims();
        Coin c = live(e, NOW).get(0);
        ClaimCoinProcessor far = new ClaimCoinProcessor(c.id(), c, "p1", "k1", c.lat() + 0.001, c.lng(), 10, 1.0, NOW, 10);
        ClaimResult outOfRange = far.process(e);
        assertThat(outOfRange.outcome()).isEqualTo(ClaimResult.Outcome.OUT_OF_RANGE);
        assertThat(outOfRange.distanceM()).isBetween(100.0, 120.0);
        assertThat(e.getValue()).as("a refusal writes nothing").isNull();

        ClaimResult won = claim(c, "p1", "k1", 2.0, NOW).process(e);
        assertThat(won.outcome()).isEqualTo(ClaimResult.Outcome.CLAIMED);
        assertThat(won.claim().credit()).isEqualTo(c.value() * 2L);
        assertThat(e.getValue().oldestPendingAtMs()).isEqualTo(NOW);
        assertThat(claim(c, "p1", "k1", 2.0, NOW).process(e).outcome()).isEqualTo(ClaimResult.Outcome.CLAIMED_BY_SAME_REQUEST);
        assertThat(e.getValue().claims()).hasSize(1);
        assertThat(claim(c, "p1", "k2", 2.0, NOW).process(e).outcome()).isEqualTo(ClaimResult.Outcome.ALREADY_COLLECTED);
        assertThat(claim(c, "p2", "k1", 2.0, NOW).process(e).outcome()).isEqualTo(ClaimResult.Outcome.ALREADY_COLLECTED);
        assertThat(new ClaimCoinProcessor("nope", null, "p2", "k1", LAT, LNG, 10, 2.0, NOW, 10).process(e).outcome())
                .isEqualTo(ClaimResult.Outcome.NOT_FOUND);
        Coin other = live(e, NOW).get(1);
        assertThat(claim(other, "p2", "k9", 1.0, other.expiresAtMs()).process(e).outcome())
                .isEqualTo(ClaimResult.Outcome.EXPIRED);
    }

    @Test
    void aClaimPendingWhenItsCoinExpiresStaysWithItsCallerAndKeyUntilCredited() {
        Map.Entry<String, CellClaims> e = noClaims();
        Coin c = live(e, NOW).get(0);
        claim(c, "p1", "k1", 1.0, NOW).process(e);
        long later = c.expiresAtMs() + 3_600_000;
        Coin fresh = live(e, later).get(1);
        claim(fresh, "p3", "k3", 1.0, later).process(e); // prunes on the way
        assertThat(claim(c, "p1", "k1", 1.0, later).process(e).outcome())
                .as("the same caller and key still finish it").isEqualTo(ClaimResult.Outcome.CLAIMED_BY_SAME_REQUEST);
        assertThat(claim(c, "p2", "k2", 1.0, later).process(e).outcome()).isEqualTo(ClaimResult.Outcome.ALREADY_COLLECTED);
        assertThat(e.getValue().oldestPendingAtMs()).isEqualTo(NOW);

        assertThat(new MarkCreditedProcessor(c.id(), "k1").process(e)).isTrue();
        claim(live(e, later).get(2), "p3", "k4", 1.0, later).process(e);
        assertThat(e.getValue().claimOf(c.id())).as("credited and expired: forgotten").isNull();
        assertThat(e.getValue().oldestPendingAtMs()).isEqualTo(later);
    }

    @Test
    void markCreditedAndReleaseOnlyTouchTheirOwnPendingClaim() {
        Map.Entry<String, CellClaims> e = noClaims();
        Coin c = live(e, NOW).get(0);
        claim(c, "p1", "k1", 1.0, NOW).process(e);
        assertThat(new ReleaseClaimProcessor(c.id(), "p1", "other").process(e)).isFalse();
        assertThat(new MarkCreditedProcessor(c.id(), "other").process(e)).isFalse();
        assertThat(new MarkCreditedProcessor(c.id(), "k1").process(e)).isTrue();
        assertThat(e.getValue().claimOf(c.id()).state()).isEqualTo(ClaimState.CREDITED);
        assertThat(e.getValue().oldestPendingAtMs()).isEqualTo(Long.MAX_VALUE);
        assertThat(new ReleaseClaimProcessor(c.id(), "p1", "k1").process(e)).as("credited claims stay").isFalse();

        Coin d = live(e, NOW).get(1);
        claim(d, "p1", "k2", 1.0, NOW).process(e);
        assertThat(new ReleaseClaimProcessor(d.id(), "p1", "k2").process(e)).isTrue();
        assertThat(live(e, NOW)).as("released: collectable again").contains(d);
    }

    @Test
    void presenceIsWrittenOncePerNewerFixAndStalePlayersAreDropped() {
        Map.Entry<String, CellPresence> e = new AbstractMap.SimpleEntry<>(CELL, null);
        assertThat(new EnterCellProcessor("p2", "bob", LAT, LNG, NOW - 400_000, NOW - 400_000, 300_000).process(e).placed()).isTrue();
        PresenceChange first = new EnterCellProcessor("p1", "alice", LAT, LNG, NOW, NOW, 300_000).process(e);
        assertThat(first.placed()).isTrue();
        assertThat(first.dropped()).containsExactly("p2");
        assertThat(e.getValue().present()).extracting(Presence::playerId).containsExactly("p1");
        PresenceChange again = new EnterCellProcessor("p1", "alice", LAT + 1e-4, LNG, NOW, NOW, 300_000).process(e);
        assertThat(again.placed()).as("a re-run or an older fix changes nothing").isFalse();
        assertThat(e.getValue().presenceOf("p1").lat()).isEqualTo(LAT);
    }

    @Test
    void leavingRemovesOnlyOlderPresence() {
        Map.Entry<String, CellPresence> e = new AbstractMap.SimpleEntry<>(CELL, null);
        new EnterCellProcessor("p1", "alice", LAT, LNG, NOW, NOW, 300_000).process(e);
        assertThat(new LeaveCellProcessor("p1", NOW - 1).process(e)).isFalse();
        assertThat(new LeaveCellProcessor("p1", NOW).process(e)).isTrue();
        assertThat(e.getValue()).isNull();
    }
}
