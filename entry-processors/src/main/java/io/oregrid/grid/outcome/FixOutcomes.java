package io.oregrid.grid.outcome;

import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.motion.PlayerMotion;

/**
 * Accepted fixes on the analytics stream: they are not written anywhere of their own — the
 * {@code player-motion} map's event journal carries every write of a motion entry with its old and new
 * value, and an accepted fix is exactly a write whose {@code acceptedFixes} grew. So the location
 * update's one operation also emits its outcome (ARCHITECTURE "every accepted outcome is emitted once,
 * with a deterministic event id"): a replay, a refusal or a limit-only write leaves the count as it
 * was and yields nothing; a processor re-run after a member left finds the fix already applied (a
 * REPLAY) and yields nothing either. The motion entry stays small, so its journal does too. A reader
 * takes ADDED and UPDATED journal events only: LOADED (a MapLoader bringing a player back from
 * PostgreSQL) and EVICTED are not writes.
 */
public final class FixOutcomes {

    private FixOutcomes() {
    }

    /**
     * @param before the motion entry before the write (the journal event's old value), or null for the first
     * @param after  the motion entry after it (the event's new value), or null when removed
     * @return the accepted fix this write recorded, with id {@link GridOutcome#fixId}, or null when it recorded none
     */
    public static GridOutcome of(PlayerMotion before, PlayerMotion after) {
        long was = before == null ? 0 : before.acceptedFixes();
        if (after == null || after.acceptedFixes() <= was || after.lastFix() == null) {
            return null;
        }
        Fix f = after.lastFix();
        return new GridOutcome(GridOutcome.fixId(after.playerId(), after.acceptedFixes()), OutcomeType.FIX,
                after.playerId(), after.cellToken(), f.lat(), f.lng(), 0, f.timestampMs());
    }
}
