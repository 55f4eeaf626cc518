package io.oregrid.grid.player;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * Second step of a collect, in the player's partition: adds the claimed coin's credit to the
 * balance and records the Idempotency-Key with the result, atomically. Idempotent by key: a
 * retry, a concurrent duplicate, the sweep or a Hazelcast re-run finds the key and replays the
 * recorded result instead of crediting again.
 *
 * @param key     the Idempotency-Key of the claim
 * @param coinId  the coin
 * @param credit  amount to add (value × multiplier, fixed at claim time)
 * @param nowMs   node clock, epoch ms
 * @param keepMs  how long credited keys are kept, ms (SPEC: 24 h)
 */
public record CreditCoinProcessor(String key, String coinId, long credit, long nowMs, long keepMs)
        implements EntryProcessor<String, PlayerState, CreditResult> {

    @Override
    public CreditResult process(Map.Entry<String, PlayerState> entry) {
        PlayerState state = entry.getValue() == null ? PlayerState.initial(entry.getKey()) : entry.getValue();
        CollectRecord earlier = state.collectByKey(key);
        if (earlier != null) {
            return new CreditResult(earlier.coinId().equals(coinId) ? CreditResult.Outcome.REPLAYED
                    : CreditResult.Outcome.KEY_REUSED, earlier.coinId().equals(coinId) ? earlier : null);
        }
        CollectRecord record = new CollectRecord(key, coinId, credit, state.balance() + credit, nowMs);
        entry.setValue(state.credit(record, nowMs - keepMs));
        return new CreditResult(CreditResult.Outcome.CREDITED, record);
    }
}
