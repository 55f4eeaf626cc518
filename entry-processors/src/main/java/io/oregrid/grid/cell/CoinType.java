package io.oregrid.grid.cell;

/** Coin kinds of SPEC "Game" ({@code ad} comes with the ad economy). */
public enum CoinType {
    BRONZE, SILVER, GOLD;

    /** @return the lower-case name the API uses */
    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
