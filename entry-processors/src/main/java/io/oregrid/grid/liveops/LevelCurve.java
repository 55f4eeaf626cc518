package io.oregrid.grid.liveops;

/**
 * The level curve (capability 8): level {@code L} needs {@code 100 × (L − 1)²} total XP, so level 2
 * is reached at 100 XP, 3 at 400, 4 at 900, 10 at 8,100, 100 at 980,100. Levels start at 1 and
 * are capped at {@link #MAX_LEVEL}.
 */
public final class LevelCurve {
    /** XP scale of the curve. */
    public static final long XP_PER_LEVEL_SQUARED = 100;
    /** Highest level. */
    public static final int MAX_LEVEL = 1000;

    private LevelCurve() {
    }

    /** @return total XP needed to reach {@code level} (≥ 1) */
    public static long xpForLevel(int level) {
        long l = Math.max(1, level) - 1L;
        return XP_PER_LEVEL_SQUARED * l * l;
    }

    /** @return the level of a player with {@code xp} total XP */
    public static int levelFor(long xp) {
        if (xp <= 0) {
            return 1;
        }
        int level = (int) Math.min(MAX_LEVEL, 1 + (long) Math.floor(Math.sqrt(xp / (double) XP_PER_LEVEL_SQUARED)));
        while (level > 1 && xpForLevel(level) > xp) {
            level--;
        }
        while (level < MAX_LEVEL && xpForLevel(level + 1) <= xp) {
            level++;
        }
        return level;
    }
}
