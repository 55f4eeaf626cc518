package io.oregrid.grid.cell;

/**
 * How cells spawn coins. Travels inside processors (Compact, see {@code GridSerialization}); never a map value.
 *
 * @param density    live coins a visited cell keeps
 * @param ttlMs      coin lifetime and spawn-epoch length, ms
 * @param bronze     value of a bronze coin
 * @param silver     value of a silver coin
 * @param gold       value of a gold coin
 * @param silverPct  percent of coins that are silver
 * @param goldPct    percent of coins that are gold
 * @param staleMs    presence older than this is dropped from the cell, ms
 */
public record CoinSpawnRules(int density, long ttlMs, int bronze, int silver, int gold, int silverPct, int goldPct,
                             long staleMs) {

    /** @return the spawn epoch of a node time */
    public long epochOf(long nowMs) {
        return Math.floorDiv(nowMs, ttlMs);
    }

    /** At most this many coins are spawned in one cell per epoch, so collecting cannot mint without end. */
    public int maxSpawnsPerEpoch() {
        return density * 2;
    }
}
