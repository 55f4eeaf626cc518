package io.oregrid.grid.player;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.Offloadable;
import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * Second step of a collect, in the player's partition: adds the claimed coin's credit to the
 * balance and records the Idempotency-Key with the result, atomically. Idempotent by key: a
 * retry, a concurrent duplicate, the sweep or a Hazelcast re-run finds the key and replays the
 * recorded result instead of crediting again.
 *
 * <p>On a member with persistence ({@link CollectLedger} in its user context) the processor is
 * {@link Offloadable}: Hazelcast locks the player's key, runs {@link #process} on the
 * {@link CollectLedger#EXECUTOR} threads — where the new record is written to the ledger first —
 * and applies the new value on the partition thread afterwards. A database round trip, or an
 * outage, therefore never holds a partition thread; a ledger failure leaves the entry unchanged
 * and fails the call. Without persistence the processor runs on the partition thread as usual.
 */
public final class CreditCoinProcessor implements EntryProcessor<String, PlayerState, CreditResult>, Offloadable,
        HazelcastInstanceAware {
    private final String key;
    private final String coinId;
    private final long credit;
    private final long nowMs;
    private final long keepMs;
    private transient CollectLedger ledger;

    /**
     * @param key     the Idempotency-Key of the claim
     * @param coinId  the coin
     * @param credit  amount to add, token base units (value × multiplier, fixed at claim time)
     * @param nowMs   node clock, epoch ms
     * @param keepMs  how long credited keys are kept, ms (SPEC: 24 h)
     */
    public CreditCoinProcessor(String key, String coinId, long credit, long nowMs, long keepMs) {
        this.key = key;
        this.coinId = coinId;
        this.credit = credit;
        this.nowMs = nowMs;
        this.keepMs = keepMs;
    }

    @Override
    public CreditResult process(Map.Entry<String, PlayerState> entry) {
        PlayerState state = entry.getValue() == null ? PlayerState.initial(entry.getKey()) : entry.getValue();
        CollectRecord earlier = state.collectByKey(key);
        if (earlier != null) {
            return new CreditResult(earlier.coinId().equals(coinId) ? CreditResult.Outcome.REPLAYED
                    : CreditResult.Outcome.KEY_REUSED, earlier.coinId().equals(coinId) ? earlier : null);
        }
        CollectRecord record = new CollectRecord(key, coinId, credit, state.balance() + credit, nowMs);
        if (ledger != null) {
            ledger.record(entry.getKey(), record);
        }
        entry.setValue(state.credit(record, nowMs - keepMs));
        return new CreditResult(CreditResult.Outcome.CREDITED, record);
    }

    /** Finds the member's ledger, if it has one (called by Hazelcast before {@link #getExecutorName}). */
    @Override
    public void setHazelcastInstance(HazelcastInstance member) {
        this.ledger = (CollectLedger) member.getUserContext().get(CollectLedger.CONTEXT_KEY);
    }

    /** @return {@link CollectLedger#EXECUTOR} on a member with a ledger, else no offloading */
    @Override
    public String getExecutorName() {
        return ledger != null ? CollectLedger.EXECUTOR : Offloadable.NO_OFFLOADING;
    }

    public String key() {
        return key;
    }

    public String coinId() {
        return coinId;
    }

    /** @return the amount to add, token base units */
    public long credit() {
        return credit;
    }

    /** @return node clock at the claim's credit, epoch ms */
    public long nowMs() {
        return nowMs;
    }

    /** @return how long credited keys are kept, ms */
    public long keepMs() {
        return keepMs;
    }
}
