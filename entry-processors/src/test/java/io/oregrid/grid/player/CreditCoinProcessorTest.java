package io.oregrid.grid.player;

import org.junit.jupiter.api.Test;

import java.util.AbstractMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies that a credit happens once per Idempotency-Key and that old keys are forgotten after their TTL. */
class CreditCoinProcessorTest {
    private static final long DAY = 86_400_000L;

    @Test
    void sameKeyIsCreditedOnceAndReplayedWithTheFirstResult() {
        Map.Entry<String, PlayerState> e = new AbstractMap.SimpleEntry<>("p1", null);
        CreditResult first = new CreditCoinProcessor("k1", "c1", 20, 1000, DAY).process(e);
        CreditResult again = new CreditCoinProcessor("k1", "c1", 20, 2000, DAY).process(e);
        assertThat(first.outcome()).isEqualTo(CreditResult.Outcome.CREDITED);
        assertThat(again.outcome()).isEqualTo(CreditResult.Outcome.REPLAYED);
        assertThat(again.record()).isEqualTo(first.record());
        assertThat(e.getValue().balance()).isEqualTo(20);
        assertThat(e.getValue().coinsCollected()).isEqualTo(1);
    }

    @Test
    void sameKeyForAnotherCoinIsReuse() {
        Map.Entry<String, PlayerState> e = new AbstractMap.SimpleEntry<>("p1", null);
        new CreditCoinProcessor("k1", "c1", 20, 1000, DAY).process(e);
        assertThat(new CreditCoinProcessor("k1", "c2", 20, 1000, DAY).process(e).outcome())
                .isEqualTo(CreditResult.Outcome.KEY_REUSED);
        assertThat(e.getValue().balance()).isEqualTo(20);
    }

    @Test
    void keysOlderThanTheirLifetimeAreDropped() {
        Map.Entry<String, PlayerState> e = new AbstractMap.SimpleEntry<>("p1", null);
        new CreditCoinProcessor("k1", "c1", 20, 0, DAY).process(e);
        new CreditCoinProcessor("k2", "c2", 5, DAY + 1, DAY).process(e);
        assertThat(e.getValue().collectByKey("k1")).isNull();
        assertThat(e.getValue().collectByKey("k2")).isNotNull();
        assertThat(e.getValue().balance()).isEqualTo(25);
    }
}
