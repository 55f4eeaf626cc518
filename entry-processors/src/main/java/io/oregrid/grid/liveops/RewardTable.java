package io.oregrid.grid.liveops;

/**
 * The reward table (capabilities 8 and 9): what a level-up grants and what boss kills and drops are
 * worth on the leaderboards. Progression events score their {@code deltaXp}.
 *
 * @param levelUpCoinsPerLevel   reaching level L grants reward {@code level-L} of {@code L × this} coins
 * @param bossKillPoints         leaderboard points of a boss kill
 * @param dropCommonPoints       points of a claimed drop of rarity common
 * @param dropRarePoints         rarity rare
 * @param dropEpicPoints         rarity epic
 * @param dropLegendaryPoints    rarity legendary
 */
public record RewardTable(long levelUpCoinsPerLevel, long bossKillPoints, long dropCommonPoints,
                          long dropRarePoints, long dropEpicPoints, long dropLegendaryPoints) {

    /** Drop rarities, in the order of the table. */
    public static final String[] RARITIES = {"common", "rare", "epic", "legendary"};

    /** @return the reward id granted on reaching {@code level} */
    public static String levelRewardId(int level) {
        return "level-" + level;
    }

    /** @return the coins granted on reaching {@code level} */
    public long levelUpCoins(int level) {
        return levelUpCoinsPerLevel * level;
    }

    /**
     * @param rarity one of {@link #RARITIES}
     * @return the points of a drop of that rarity
     * @throws IllegalArgumentException for another rarity
     */
    public long dropPoints(String rarity) {
        return switch (rarity) {
            case "common" -> dropCommonPoints;
            case "rare" -> dropRarePoints;
            case "epic" -> dropEpicPoints;
            case "legendary" -> dropLegendaryPoints;
            default -> throw new IllegalArgumentException("unknown rarity " + rarity);
        };
    }
}
