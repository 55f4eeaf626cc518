package io.oregrid.grid.motion;

/**
 * One accepted fix as kept in a player's location history.
 *
 * @param lat         degrees
 * @param lng         degrees
 * @param accuracyM   metres
 * @param timestampMs epoch ms
 * @param cellToken   S2 token of the game cell
 */
public record HistoryFix(double lat, double lng, double accuracyM, long timestampMs, String cellToken) {
}
