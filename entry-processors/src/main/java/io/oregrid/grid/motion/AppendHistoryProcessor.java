package io.oregrid.grid.motion;

import com.hazelcast.map.EntryProcessor;

import java.util.Arrays;
import java.util.Map;

/**
 * Appends an accepted fix to the player's bounded history. Idempotent: a fix not newer than the
 * newest kept one is ignored, so a repeat (retry, replay, re-run) appends nothing.
 *
 * @param fix      the accepted fix
 * @param max      how many fixes are kept (the oldest are dropped)
 */
public record AppendHistoryProcessor(HistoryFix fix, int max) implements EntryProcessor<String, LocationHistory, Boolean> {

    /** @return whether the fix was appended */
    @Override
    public Boolean process(Map.Entry<String, LocationHistory> entry) {
        HistoryFix[] fixes = entry.getValue() == null ? new HistoryFix[0] : entry.getValue().fixes();
        if (fixes.length > 0 && fixes[fixes.length - 1].timestampMs() >= fix.timestampMs()) {
            return false;
        }
        int keep = Math.min(fixes.length, max - 1);
        HistoryFix[] next = Arrays.copyOfRange(fixes, fixes.length - keep, fixes.length + 1);
        next[keep] = fix;
        entry.setValue(new LocationHistory(entry.getKey(), next));
        return true;
    }
}
