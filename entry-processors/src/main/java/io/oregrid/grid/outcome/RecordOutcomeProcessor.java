package io.oregrid.grid.outcome;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * Writes an outcome under its deterministic id if it is not there yet, so a retried request, a
 * replayed fix or a processor re-run emits it once on the {@code outcomes} journal (an ADDED event),
 * never an UPDATED duplicate. Runs off the request thread.
 *
 * @param outcome the outcome
 */
public record RecordOutcomeProcessor(GridOutcome outcome) implements EntryProcessor<OutcomeKey, GridOutcome, Boolean> {

    /** @return whether this call wrote it */
    @Override
    public Boolean process(Map.Entry<OutcomeKey, GridOutcome> entry) {
        if (entry.getValue() != null) {
            return false;
        }
        entry.setValue(outcome);
        return true;
    }
}
