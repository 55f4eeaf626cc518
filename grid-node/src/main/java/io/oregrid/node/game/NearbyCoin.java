package io.oregrid.node.game;

import io.oregrid.grid.cell.Coin;

/**
 * A live coin near a player.
 *
 * @param coin      the coin
 * @param distanceM distance from the player's last accepted position, metres
 */
public record NearbyCoin(Coin coin, double distanceM) {
}
