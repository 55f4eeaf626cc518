package io.oregrid.grid.cell;

/**
 * How cells spawn coins. Configuration of the node; never a map value.
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

    /** @return the spawn epoch of a node time (slot 0's generation; other slots start later in it) */
    public long epochOf(long nowMs) {
        return Math.floorDiv(nowMs, ttlMs);
    }

    /** @return how far into an epoch the coins of spawn index {@code index}'s slot start living, ms */
    public long phaseMs(int index) {
        return density == 0 ? 0 : (index % density) * ttlMs / density;
    }

    /** @return the generation (epoch) of slot {@code slot}'s coins living at {@code nowMs} */
    public long generationOf(int slot, long nowMs) {
        return Math.floorDiv(nowMs - phaseMs(slot), ttlMs);
    }

    /**
     * At most this many coins are spawned in one cell per epoch, so collecting cannot mint without end:
     * each slot holds its coin and, once that is claimed, one replacement (index + density).
     */
    public int maxSpawnsPerEpoch() {
        return maxSpawnsPerEpoch(density);
    }

    /** @return the most coins a cell of {@code density} spawns in one epoch */
    public static int maxSpawnsPerEpoch(int density) {
        return density * 2;
    }
}
