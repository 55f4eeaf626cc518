package io.oregrid.node.realtime;

import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.cell.CoinType;
import io.oregrid.grid.cell.Presence;
import io.oregrid.grid.world.WorldDelta;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies what each kind of world delta tells the rooms of the cells it touches. */
class CellChangeTest {
    private static final Presence ALICE = new Presence("a", "alice", 1, 2, 100);

    @Test
    void aMoveWithinACellIsAMoveThere() {
        WorldDelta d = WorldDelta.moved("c1", null, ALICE, 7);
        CellChange change = CellChange.of(d);
        assertThat(change.cellToken()).isEqualTo("c1");
        assertThat(change.moved()).containsExactly(ALICE);
        assertThat(change.left()).isEmpty();
    }

    @Test
    void aMoveAcrossCellsAlsoLeavesThePreviousOne() {
        WorldDelta d = WorldDelta.moved("c2", "c1", ALICE, 8);
        assertThat(CellChange.of(d).moved()).containsExactly(ALICE);
        CellChange left = CellChange.leftBy(d);
        assertThat(left.cellToken()).isEqualTo("c1");
        assertThat(left.left()).containsExactly("a");
        assertThat(left.moved()).isEmpty();
    }

    @Test
    void staleAndCollectedChangesCarryTheirIds() {
        assertThat(CellChange.of(WorldDelta.left("c1", new String[]{"b", "c"})).left()).containsExactly("b", "c");
        assertThat(CellChange.of(WorldDelta.left("c1", new String[0])).isEmpty()).isTrue();
        Coin next = new Coin("coin-2", 1, 11, 1, 2, 10, CoinType.BRONZE, 0, 900_000);
        CellChange collected = CellChange.of(WorldDelta.collected("c1", "coin-1", "a", new Coin[]{next}));
        assertThat(collected.collected()).containsExactly(new CellChange.Collected("coin-1", "a"));
        assertThat(collected.appeared()).containsExactly(next);
    }
}
