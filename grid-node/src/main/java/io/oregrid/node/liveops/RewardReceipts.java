package io.oregrid.node.liveops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.liveops.ClaimRewardProcessor;
import io.oregrid.grid.liveops.GrantedReward;
import io.oregrid.grid.liveops.LiveOpsPlayer;
import io.oregrid.grid.support.GameClock;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and verifies reward receipts (capability 8). A claim marks the granted reward claimed in
 * the player's state (idempotent per reward: the same receipt every time). The signature is hex
 * HMAC-SHA256 (RFC 2104) keyed with the UTF-8 bytes of {@code ORE_RECEIPT_HMAC_SECRET} over the
 * UTF-8 bytes of the receipt's other fields as compact JSON in exactly this order (SPEC):
 * {@code {"receipt_id":…,"player_id":…,"reward_id":…,"amount":…,"reason":…,"issued_at":…}} —
 * no whitespace, strings escaped as RFC 8259 requires (only {@code "}, {@code \} and control
 * characters), {@code amount} and {@code issued_at} (epoch ms) as integers. Anyone holding the key
 * can recompute it; verification compares in constant time.
 */
public final class RewardReceipts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IMap<String, LiveOpsPlayer> players;
    private final GameClock clock;
    private final byte[] key;

    /** @param secret the receipt key's text (at least 32 bytes, checked by {@link LiveOpsConfig}) */
    public RewardReceipts(HazelcastInstance hz, GameClock clock, String secret) {
        this.players = hz.getMap(GridMaps.LIVEOPS_PLAYERS);
        this.clock = clock;
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @return the receipt for the player's reward (issued now on the first claim, the same one after),
     *         or empty when the player was not granted that reward
     */
    public Optional<Receipt> claim(String playerId, String rewardId) {
        String receiptId = UUID.nameUUIDFromBytes(("receipt|" + playerId + "|" + rewardId)
                .getBytes(StandardCharsets.UTF_8)).toString();
        GrantedReward claimed = players.executeOnKey(playerId, new ClaimRewardProcessor(rewardId, receiptId, clock.nowMs()));
        return Optional.ofNullable(claimed).map(r -> sign(new Receipt(r.receiptId(), playerId, r.rewardId(),
                r.amount(), r.reason(), r.issuedAtMs(), null)));
    }

    /** @return whether {@code receipt}'s signature is the one its fields must carry */
    public boolean verify(Receipt receipt) {
        return HmacSha256.matches(HmacSha256.mac(key, signedText(receipt).getBytes(StandardCharsets.UTF_8)),
                receipt.signature());
    }

    private Receipt sign(Receipt unsigned) {
        String signature = HmacSha256.hex(key, signedText(unsigned).getBytes(StandardCharsets.UTF_8));
        return new Receipt(unsigned.receiptId(), unsigned.playerId(), unsigned.rewardId(), unsigned.amount(),
                unsigned.reason(), unsigned.issuedAt(), signature);
    }

    /** @return the signed fields of {@code r} by their wire names, in the SPEC's order (no signature) */
    public static Map<String, Object> signedFields(Receipt r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("receipt_id", r.receiptId());
        fields.put("player_id", r.playerId());
        fields.put("reward_id", r.rewardId());
        fields.put("amount", r.amount());
        fields.put("reason", r.reason());
        fields.put("issued_at", r.issuedAt());
        return fields;
    }

    /** @return the exact text the signature covers (see the class comment) */
    public static String signedText(Receipt r) {
        try {
            return JSON.writeValueAsString(signedFields(r));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
