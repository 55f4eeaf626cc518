package io.oregrid.node.realtime;

/**
 * Who other players may see (ARCHITECTURE "the fan-out has one place where a privacy filter can drop
 * a player from what others see"): asked by {@link WorldFeed} before a player's move is published to
 * the rooms of other players. The player's own state (position, presence for their own queries) is
 * not affected.
 */
@FunctionalInterface
public interface Visibility {

    /** Everyone is visible (the SPEC has no hidden mode yet). */
    Visibility EVERYONE = playerId -> true;

    /** @return whether {@code playerId}'s moves reach other players' rooms */
    boolean visible(String playerId);
}
