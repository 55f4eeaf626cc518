package io.oregrid.node.game;

import io.oregrid.grid.cell.CoinSpawnRules;
import io.oregrid.grid.motion.AntiCheatRules;
import io.oregrid.grid.support.Geo;
import io.oregrid.node.config.OreConfig;

/**
 * The game's rule parameters derived once from the configuration.
 *
 * <p>Cell level: chosen from the metric, the S2 level whose average edge is closest to
 * {@code ORE_CELL_SIZE_M} (default 280 m → level 15, ≈ 284 m average edge; 16 would be ≈ 142 m).
 * Cells of that size hold a walkable neighbourhood: a 100 m nearby radius touches 1–4 of them,
 * and a cell's coins and presence stay small enough to live in one entry.
 *
 * @param cellLevel  S2 level of game cells
 * @param antiCheat  anti-cheat limits
 * @param spawn      coin spawning
 * @param idempotencyKeepMs how long credited Idempotency-Keys are kept, ms
 * @param nearbyStaleMs players older than this are not "nearby", ms
 */
public record GameRules(int cellLevel, AntiCheatRules antiCheat, CoinSpawnRules spawn, long idempotencyKeepMs,
                        long nearbyStaleMs) {

    /** Derives the rules from {@code config}. */
    public static GameRules from(OreConfig config) {
        AntiCheatRules antiCheat = AntiCheatRules.of(config.anticheatMaxSpeedKmh(), config.anticheatMaxAccelerationMs2(),
                config.anticheatMaxAccuracyM(), config.anticheatMaxFixAgeS(), config.anticheatMaxClockSkewS());
        CoinSpawnRules spawn = new CoinSpawnRules(config.coinDensityPerCell(), config.coinTtlS() * 1000L,
                config.coinValueBronze(), config.coinValueSilver(), config.coinValueGold(),
                config.coinSilverPct(), config.coinGoldPct(), config.nearbyStaleS() * 1000L);
        return new GameRules(Geo.levelForEdge(config.cellSizeM()), antiCheat, spawn,
                config.idempotencyTtlS() * 1000L, config.nearbyStaleS() * 1000L);
    }
}
