package io.oregrid.grid.motion;

/**
 * A player's motion state, value of the {@code player-motion} map (key: player id). Written only
 * by {@link UpdateMotionProcessor}.
 *
 * @param playerId          the player (map key)
 * @param lastFix           last accepted fix, or null before the first
 * @param cellToken         S2 token (game level) of the last accepted fix, or null
 * @param lastSpeedMs       effective speed of the last accepted segment, m/s
 * @param acceptedFixes     accepted fixes so far
 * @param violations        refusals per {@link MovementReason#ordinal()}
 * @param reputation        0–100: starts at 100, −10 per refusal, +1 per accepted fix
 * @param lastRefusedFix    the last refused fix (a re-run of the same refusal counts once), or null
 * @param lastRefusalAtMs   node time of the last refusal, epoch ms (0 = never)
 * @param requests          the per-user request limit (SPEC "Rate limits": 60/min, Genesis 120/min)
 * @param locations         the per-player location-update limit (SPEC "Location": 2/min)
 * @param presenceFix       the fix last written to the player's cell presence, or null (not persisted:
 *                          after a reload the next accepted fix refreshes the presence)
 */
public record PlayerMotion(String playerId, Fix lastFix, String cellToken, double lastSpeedMs,
                           long acceptedFixes, int[] violations, int reputation,
                           Fix lastRefusedFix, long lastRefusalAtMs,
                           TokenBucket requests, TokenBucket locations, Fix presenceFix) {

    /**
     * The persisted part (PostgreSQL's {@code player_motion} row): limits full, no presence written yet.
     */
    public PlayerMotion(String playerId, Fix lastFix, String cellToken, double lastSpeedMs, long acceptedFixes,
                        int[] violations, int reputation, Fix lastRefusedFix, long lastRefusalAtMs) {
        this(playerId, lastFix, cellToken, lastSpeedMs, acceptedFixes, violations, reputation, lastRefusedFix,
                lastRefusalAtMs, TokenBucket.FULL, TokenBucket.FULL, null);
    }

    /** Reputation a new player starts with and the most it can reach. */
    public static final int MAX_REPUTATION = 100;
    /** Reputation lost per refused fix. */
    public static final int REFUSAL_PENALTY = 10;

    /** The state of a player who has sent nothing yet. */
    public static PlayerMotion initial(String playerId) {
        return new PlayerMotion(playerId, null, null, 0, 0, new int[MovementReason.values().length],
                MAX_REPUTATION, null, 0);
    }

    /** @return refusals so far for {@code reason} */
    public int violations(MovementReason reason) {
        return violations.length > reason.ordinal() ? violations[reason.ordinal()] : 0;
    }

    /**
     * @param presence the fix the cell presence holds after this one ({@code fix} when it is refreshed)
     * @return the state after accepting {@code fix} in {@code cell} with segment speed {@code speedMs}
     */
    public PlayerMotion accept(Fix fix, String cell, double speedMs, Fix presence) {
        return new PlayerMotion(playerId, fix, cell, speedMs, acceptedFixes + 1, violations,
                Math.min(MAX_REPUTATION, reputation + 1), lastRefusedFix, lastRefusalAtMs, requests, locations, presence);
    }

    /** @return the state after refusing {@code fix} for {@code reason} at node time {@code nowMs} */
    public PlayerMotion refuse(Fix fix, MovementReason reason, long nowMs) {
        int[] counts = java.util.Arrays.copyOf(violations, MovementReason.values().length);
        counts[reason.ordinal()]++;
        return new PlayerMotion(playerId, lastFix, cellToken, lastSpeedMs, acceptedFixes, counts,
                Math.max(0, reputation - REFUSAL_PENALTY), fix, nowMs, requests, locations, presenceFix);
    }

    /** @return this state with other limit buckets */
    public PlayerMotion withLimits(TokenBucket requests, TokenBucket locations) {
        return new PlayerMotion(playerId, lastFix, cellToken, lastSpeedMs, acceptedFixes, violations, reputation,
                lastRefusedFix, lastRefusalAtMs, requests, locations, presenceFix);
    }
}
