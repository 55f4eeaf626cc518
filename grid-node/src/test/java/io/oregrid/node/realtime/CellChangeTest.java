package io.oregrid.node.realtime;

import io.oregrid.grid.cell.CellState;
import io.oregrid.grid.cell.ClaimState;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.cell.CoinType;
import io.oregrid.grid.cell.Presence;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies how two successive values of a cell become the news the realtime pushes tell. */
class CellChangeTest {

    private static Coin coin(String id) {
        return new Coin(id, 1, 2, 10, CoinType.BRONZE, 0, 1000, ClaimState.UNCLAIMED, null, null, 0, 0);
    }

    private static CellState cell(Coin[] coins, Presence... present) {
        return new CellState("c1", coins, present, 0, coins.length);
    }

    @Test
    void arrivalsNewerFixesDeparturesSpawnsClaimsAndReleases() {
        Presence alice = new Presence("a", "alice", 1, 2, 100);
        Presence bob = new Presence("b", "bob", 1, 2, 100);
        Coin c1 = coin("c1");
        Coin c2 = coin("c2");
        CellState before = cell(new Coin[]{c1, c2.claimed("b", "k", 10, 50)}, alice, bob);

        Presence aliceLater = new Presence("a", "alice", 1.1, 2, 200);
        Presence carol = new Presence("c", "carol", 1, 2, 150);
        Coin c3 = coin("c3");
        CellState after = cell(new Coin[]{c1.claimed("a", "k2", 10, 60), coin("c2"), c3}, aliceLater, carol);

        CellChange change = CellChange.between(before, after);
        assertThat(change.cellToken()).isEqualTo("c1");
        assertThat(change.moved()).containsExactly(aliceLater, carol);
        assertThat(change.left()).containsExactly("b");
        assertThat(change.appeared()).extracting(Coin::id).as("spawned, and released by a failed claim").containsExactly("c2", "c3");
        assertThat(change.collected()).extracting(Coin::id).containsExactly("c1");
    }

    @Test
    void aNewCellIsAllNewsAndACreditMarkIsNone() {
        Coin c1 = coin("c1");
        Presence alice = new Presence("a", "alice", 1, 2, 100);
        CellChange first = CellChange.between(null, cell(new Coin[]{c1}, alice));
        assertThat(first.moved()).containsExactly(alice);
        assertThat(first.appeared()).containsExactly(c1);

        Coin pending = c1.claimed("a", "k", 10, 50);
        CellChange credited = CellChange.between(cell(new Coin[]{pending}, alice), cell(new Coin[]{pending.credited()}, alice));
        assertThat(credited.isEmpty()).isTrue();
    }
}
