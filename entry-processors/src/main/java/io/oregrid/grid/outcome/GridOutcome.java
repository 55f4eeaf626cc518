package io.oregrid.grid.outcome;

/**
 * One accepted outcome of the grid, as the analytics stream carries it (ARCHITECTURE "every accepted
 * outcome is emitted once, with a deterministic event id"). Later kinds (ad views, quest steps) add
 * an {@link OutcomeType} and reuse these fields.
 *
 * @param eventId   deterministic event id (see {@link OutcomeKey})
 * @param type      what happened
 * @param playerId  who
 * @param cellToken S2 token (game level) where
 * @param lat       degrees
 * @param lng       degrees
 * @param value     amount in minor units (collects), 0 for fixes
 * @param atMs      when: the fix's timestamp (fixes), the node time of the credit (collects), epoch ms
 */
public record GridOutcome(String eventId, OutcomeType type, String playerId, String cellToken, double lat, double lng,
                          long value, long atMs) {

    /** @return the deterministic id of a player's {@code n}-th accepted fix */
    public static String fixId(String playerId, long n) {
        return "fix:" + playerId + ":" + n;
    }

    /** @return the deterministic id of a coin's credit (a coin is credited at most once) */
    public static String collectId(String coinId) {
        return "collect:" + coinId;
    }

    /** @return this outcome's key */
    public OutcomeKey key() {
        return new OutcomeKey(eventId, playerId);
    }
}
