package io.oregrid.grid.world;

import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.cell.Presence;

/**
 * One change of the world that players near it see, as it travels on the {@code world-deltas} topic
 * to every edge node (ARCHITECTURE "changes travel as deltas that processors return; no map listener
 * ships whole values"). A flat record with a {@link Kind}; the fields a kind does not use are null or
 * empty.
 *
 * @param kind          what happened
 * @param cellToken     the cell it happened in (S2 token, game level)
 * @param previousCell  {@link Kind#MOVED}: the cell the player left with this fix, or null when it stayed
 * @param presence      {@link Kind#MOVED}: the player's new position
 * @param acceptedFixes {@link Kind#MOVED}: accepted fixes so far (orders a player's moves)
 * @param left          {@link Kind#LEFT}: players no longer present (stale)
 * @param coinId        {@link Kind#COLLECTED}: the coin claimed
 * @param collectedBy   {@link Kind#COLLECTED}: who claimed it
 * @param appeared      {@link Kind#COLLECTED}: coins that became collectable with the claim (its replacement)
 */
public record WorldDelta(Kind kind, String cellToken, String previousCell, Presence presence, long acceptedFixes,
                         String[] left, String coinId, String collectedBy, Coin[] appeared) {
    private static final String[] NO_IDS = new String[0];
    private static final Coin[] NO_COINS = new Coin[0];

    /** Kinds of delta; on the wire as the ordinal. */
    public enum Kind {
        /** A player's accepted fix. */
        MOVED,
        /** Players dropped from a cell's presence. */
        LEFT,
        /** A coin claimed, and what replaced it. */
        COLLECTED
    }

    /** @return a {@link Kind#MOVED} delta */
    public static WorldDelta moved(String cellToken, String previousCell, Presence presence, long acceptedFixes) {
        return new WorldDelta(Kind.MOVED, cellToken, previousCell, presence, acceptedFixes, NO_IDS, null, null, NO_COINS);
    }

    /** @return a {@link Kind#LEFT} delta */
    public static WorldDelta left(String cellToken, String[] playerIds) {
        return new WorldDelta(Kind.LEFT, cellToken, null, null, 0, playerIds, null, null, NO_COINS);
    }

    /** @return a {@link Kind#COLLECTED} delta */
    public static WorldDelta collected(String cellToken, String coinId, String collectedBy, Coin[] appeared) {
        return new WorldDelta(Kind.COLLECTED, cellToken, null, null, 0, NO_IDS, coinId, collectedBy, appeared);
    }
}
