package io.oregrid.edge.liveops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oregrid.edge.testing.EdgeFixture;
import io.oregrid.edge.testing.Http;
import io.oregrid.node.liveops.HmacSha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies progression over real HTTP: XP → level-up → reward → signed receipt that verifies (and
 * that anyone with the key can recompute), idempotent claims, tampered receipts refused.
 */
class RewardReceiptsApiTest {
    private static final String RECEIPT_SECRET = "test-receipt-secret-0123456789abcd";
    private EdgeFixture fixture;
    private SignedEvents events;

    @BeforeEach
    void start() {
        fixture = new EdgeFixture(Map.of("EVENTS_HMAC_SECRET", SignedEvents.SECRET,
                "RECEIPT_HMAC_SECRET", RECEIPT_SECRET));
        events = new SignedEvents(fixture.start().baseUrl(), fixture);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void levelUpGrantsARewardWhoseReceiptVerifiesAndATamperedOneDoesNot() throws Exception {
        assertThat(events.post(SignedEvents.progression("hero", 60), UUID.randomUUID().toString()).status()).isEqualTo(202);
        Http.Response notYet = events.postSigned("/rewards/claim", "{\"player_id\":\"hero\",\"reward_id\":\"level-2\"}");
        assertThat(notYet.status()).isEqualTo(404);
        assertThat(events.post(SignedEvents.progression("hero", 50), UUID.randomUUID().toString()).status()).isEqualTo(202);

        Http.Response claim = events.postSigned("/rewards/claim", "{\"player_id\":\"hero\",\"reward_id\":\"level-2\"}");
        assertThat(claim.status()).as(claim.toString()).isEqualTo(200);
        ObjectNode receipt = (ObjectNode) claim.body();
        assertThat(receipt.fieldNames()).toIterable().containsExactly("receipt_id", "player_id", "reward_id", "amount",
                "reason", "issued_at", "signature");
        assertThat(receipt.get("amount").asLong()).isEqualTo(100);
        assertThat(receipt.get("reason").asText()).isEqualTo("level_up:2");
        assertThat(receipt.get("issued_at").asLong()).isEqualTo(fixture.now.get());

        String signed = "{\"receipt_id\":\"" + receipt.get("receipt_id").asText() + "\",\"player_id\":\"hero\","
                + "\"reward_id\":\"level-2\",\"amount\":100,\"reason\":\"level_up:2\",\"issued_at\":" + fixture.now.get() + "}";
        assertThat(receipt.get("signature").asText()).as("recomputable by anyone with the key")
                .isEqualTo(HmacSha256.hex(RECEIPT_SECRET.getBytes(StandardCharsets.UTF_8), signed.getBytes(StandardCharsets.UTF_8)));

        Http.Response valid = events.postSigned("/rewards/verify", receipt.toString());
        assertThat(valid.status()).isEqualTo(200);
        assertThat(valid.body().get("valid").asBoolean()).isTrue();

        ObjectNode tampered = receipt.deepCopy().put("amount", 100_000);
        Http.Response refused = events.postSigned("/rewards/verify", tampered.toString());
        assertThat(refused.body().get("valid").asBoolean()).isFalse();
        assertThat(refused.body().get("reason").asText()).isEqualTo("SIGNATURE_MISMATCH");
        ObjectNode forged = receipt.deepCopy().put("signature", "00".repeat(32));
        assertThat(events.postSigned("/rewards/verify", forged.toString()).body().get("valid").asBoolean()).isFalse();

        fixture.advance(Duration.ofHours(1));
        Http.Response again = events.postSigned("/rewards/claim", "{\"player_id\":\"hero\",\"reward_id\":\"level-2\"}");
        assertThat(again.raw().body()).as("idempotent per reward").isEqualTo(claim.raw().body());
        Http.Response unsigned = new Http(events.baseUrl()).send("POST", "/rewards/claim",
                "{\"player_id\":\"hero\",\"reward_id\":\"level-2\"}", "application/json", null);
        assertThat(unsigned.code()).isEqualTo("SIGNATURE_INVALID");
        Http.Response missing = events.postSigned("/rewards/verify", "{\"receipt_id\":\"x\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("field").asText()).isEqualTo("player_id");
    }
}
