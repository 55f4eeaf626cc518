package io.oregrid.grid.world;

/**
 * The {@link WorldDelta}s one node published in one flush of its feed, in the order they happened
 * there: the message of the {@code world-deltas} topic (one message per node per flush interval
 * instead of one per change).
 *
 * @param deltas the changes, oldest first
 */
public record WorldDeltas(WorldDelta[] deltas) {
}
