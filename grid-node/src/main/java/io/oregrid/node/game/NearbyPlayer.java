package io.oregrid.node.game;

import io.oregrid.grid.cell.Presence;

/**
 * Another player near the caller.
 *
 * @param presence  their last accepted fix in their cell
 * @param distanceM distance from the caller's last accepted position, metres
 */
public record NearbyPlayer(Presence presence, double distanceM) {
}
