package io.oregrid.grid.support;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies that coin ids are stable, unique, valid UUIDv8 and route back to their cell. */
class DeterministicIdsTest {

    @Test
    void coinIdRoutesBackToItsCellAndIsStable() {
        String cell = Geo.cellToken(-10.9393, -37.0627, 15);
        String id = DeterministicIds.coinId(cell, 42, 7);
        assertThat(DeterministicIds.coinId(cell, 42, 7)).isEqualTo(id);
        assertThat(UUID.fromString(id).version()).isEqualTo(8);
        assertThat(UUID.fromString(id).variant()).isEqualTo(2);
        assertThat(DeterministicIds.cellTokenOfCoin(id, 15)).isEqualTo(cell);
    }

    @Test
    void idsDoNotRepeatAcrossEpochsIndexesAndCells() {
        Set<String> ids = new HashSet<>();
        for (String cell : Geo.withNeighbours(Geo.cellToken(-10.9393, -37.0627, 15))) {
            for (long epoch = 0; epoch < 20; epoch++) {
                for (int i = 0; i < 80; i++) {
                    assertThat(ids.add(DeterministicIds.coinId(cell, epoch, i))).isTrue();
                }
            }
        }
    }

    @Test
    void foreignIdsAreNotCoins() {
        assertThat(DeterministicIds.cellTokenOfCoin("not-a-uuid", 15)).isNull();
        assertThat(DeterministicIds.cellTokenOfCoin(UUID.randomUUID().toString(), 15)).isNull();
        assertThat(DeterministicIds.cellTokenOfCoin("", 15)).isNull();
    }

    @Test
    void levelIsChosenFromTheMetric() {
        assertThat(Geo.levelForEdge(280)).isEqualTo(15);
        assertThat(Geo.levelForEdge(200)).as("sqrt2-closest: 200 m is nearer 142 m than 284 m").isEqualTo(16);
        assertThat(Geo.levelForEdge(140)).isEqualTo(16);
        assertThat(Geo.levelForEdge(9)).isEqualTo(20);
    }
}
