package io.oregrid.grid.liveops;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * An admin's unblock (capability 7): the player's events are judged again and the flag count starts
 * from zero; statistics, XP and rewards stay. Idempotent.
 */
public record UnblockPlayerProcessor() implements EntryProcessor<String, LiveOpsPlayer, Boolean> {

    /** @return whether the player was blocked */
    @Override
    public Boolean process(Map.Entry<String, LiveOpsPlayer> entry) {
        LiveOpsPlayer state = entry.getValue();
        if (state == null || (!state.blocked() && state.flags() == 0)) {
            return false;
        }
        LiveOpsPlayer.Builder next = state.toBuilder();
        next.blocked = false;
        next.flags = 0;
        entry.setValue(next.build());
        return state.blocked();
    }
}
