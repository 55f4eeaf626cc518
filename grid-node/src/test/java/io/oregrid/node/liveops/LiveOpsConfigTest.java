package io.oregrid.node.liveops;

import io.oregrid.node.config.ConfigException;
import io.oregrid.node.config.OreConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Verifies LiveOps configuration: defaults, the 32-byte secret rule with its message, secrets never printed. */
class LiveOpsConfigTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void defaultsLeaveIngestionOffWithTheDocumentedNumbers() {
        LiveOpsConfig c = OreConfig.defaults().liveOps();
        assertThat(c.ingestionEnabled()).isFalse();
        assertThat(c.signatureToleranceS()).isEqualTo(300);
        assertThat(c.seasonLengthDays()).isEqualTo(90);
        assertThat(c.maxEventsPerSecond()).isEqualTo(10);
        assertThat(c.zThreshold()).isEqualTo(3.0);
        assertThat(c.minSamples()).isEqualTo(10);
    }

    @Test
    void aSecretShorterThan32BytesStopsTheNodeAndSaysSo() {
        assertThatThrownBy(() -> OreConfig.defaults().with(Map.of("EVENTS_HMAC_SECRET", SECRET.substring(1))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ORE_EVENTS_HMAC_SECRET must be at least 32 bytes")
                .hasMessageNotContaining(SECRET.substring(1));
        assertThatThrownBy(() -> OreConfig.defaults().with(Map.of("EVENTS_HMAC_SECRET", SECRET,
                "EVENTS_HMAC_SECRET_PREVIOUS", "short"))).hasMessageContaining("ORE_EVENTS_HMAC_SECRET_PREVIOUS");
        assertThatThrownBy(() -> OreConfig.defaults().with(Map.of("FAIRNESS_Z_THRESHOLD", "0")))
                .hasMessageContaining("ORE_FAIRNESS_Z_THRESHOLD");
    }

    @Test
    void secretsAreCountedInBytesAndNeverPrinted() {
        LiveOpsConfig c = OreConfig.defaults().with(Map.of("EVENTS_HMAC_SECRET", "é".repeat(16),
                "RECEIPT_HMAC_SECRET", SECRET)).liveOps();
        assertThat(c.ingestionEnabled()).isTrue();
        assertThat(c.signingKeys()).hasSize(1);
        assertThat(c.toString()).doesNotContain("é").doesNotContain(SECRET).contains("ingestion=on");
        assertThat(OreConfig.defaults().with(Map.of("EVENTS_HMAC_SECRET", SECRET)).toString()).doesNotContain(SECRET);
    }
}
