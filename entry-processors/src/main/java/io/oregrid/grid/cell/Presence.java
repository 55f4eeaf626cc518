package io.oregrid.grid.cell;

/**
 * A player present in a cell, as of their last accepted fix there.
 *
 * @param playerId    player id
 * @param username    display name (for nearby lists)
 * @param lat         degrees
 * @param lng         degrees
 * @param timestampMs time of that fix, epoch ms
 */
public record Presence(String playerId, String username, double lat, double lng, long timestampMs) {
}
