package io.oregrid.grid.motion;

/**
 * A player's newest accepted fixes, oldest first, bounded; value of the {@code location-history}
 * map (key: player id, so it shares the player's partition).
 *
 * @param playerId the player
 * @param fixes    accepted fixes in time order
 */
public record LocationHistory(String playerId, HistoryFix[] fixes) {
}
