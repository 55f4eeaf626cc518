package io.oregrid.edge.liveops;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.oregrid.edge.EdgeModule;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.Bodies;
import io.oregrid.edge.http.ErrorCode;
import io.oregrid.edge.http.Json;
import io.oregrid.node.liveops.Receipt;
import io.oregrid.node.liveops.RewardReceipts;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reward receipts (SPEC capability 8), HMAC-signed requests like {@code /events}:
 * <ul>
 *   <li>{@code POST /rewards/claim} {@code {"player_id","reward_id"}} → 200 the receipt
 *       {@code {"receipt_id","player_id","reward_id","amount","reason","issued_at","signature"}};
 *       the same receipt on every later claim of that reward; 404 NOT_FOUND when the player was not
 *       granted it;</li>
 *   <li>{@code POST /rewards/verify} with a receipt → 200 {@code {"valid":true}}, or
 *       {@code {"valid":false,"reason":"SIGNATURE_MISMATCH"}} for a tampered or foreign one.</li>
 * </ul>
 * Without {@code ORE_RECEIPT_HMAC_SECRET} both answer 503.
 */
public final class RewardRoutes implements EdgeModule {
    private final RewardReceipts receipts;
    private final SignedRequests signed;

    /** @param receipts the receipt service, or null when no receipt secret is configured */
    RewardRoutes(RewardReceipts receipts, SignedRequests signed) {
        this.receipts = receipts;
        this.signed = signed;
    }

    @Override
    public void routes(RoutesConfig routes) {
        routes.post("/rewards/claim", this::claim);
        routes.post("/rewards/verify", this::verify);
    }

    private JsonNode body(Context ctx) {
        byte[] raw = signed.body(ctx);
        if (receipts == null) {
            throw ApiException.of(ErrorCode.DEPENDENCY_UNAVAILABLE,
                    "reward receipts are not configured on this node (ORE_RECEIPT_HMAC_SECRET)");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(raw);
        } catch (IOException e) {
            throw ApiException.of(ErrorCode.VALIDATION_FAILED, "malformed JSON body");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.of(ErrorCode.VALIDATION_FAILED, "body must be a JSON object");
        }
        return node;
    }

    private void claim(Context ctx) {
        JsonNode body = body(ctx);
        String playerId = id(body, "player_id");
        String rewardId = id(body, "reward_id");
        Receipt receipt = receipts.claim(playerId, rewardId)
                .orElseThrow(() -> ApiException.of(ErrorCode.NOT_FOUND, "no such reward granted to this player"));
        ctx.json(wire(receipt));
    }

    private void verify(Context ctx) {
        JsonNode body = body(ctx);
        Receipt receipt = new Receipt(Bodies.requireString(body, "receipt_id"), Bodies.requireString(body, "player_id"),
                Bodies.requireString(body, "reward_id"), Bodies.requireLong(body, "amount"),
                Bodies.requireString(body, "reason"), Bodies.requireLong(body, "issued_at"),
                Bodies.requireString(body, "signature"));
        Map<String, Object> out = new LinkedHashMap<>();
        boolean valid = receipts.verify(receipt);
        out.put("valid", valid);
        if (!valid) {
            out.put("reason", "SIGNATURE_MISMATCH");
        }
        ctx.json(out);
    }

    private static String id(JsonNode body, String field) {
        String v = Bodies.requireString(body, field);
        if (v.isEmpty() || v.length() > 64) {
            throw ApiException.invalid(field, field + " must be 1-64 characters");
        }
        return v;
    }

    /** @return the receipt in the SPEC's field order */
    static Map<String, Object> wire(Receipt r) {
        Map<String, Object> out = RewardReceipts.signedFields(r);
        out.put("signature", r.signature());
        return out;
    }
}
