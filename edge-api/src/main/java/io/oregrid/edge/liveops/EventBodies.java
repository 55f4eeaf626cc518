package io.oregrid.edge.liveops;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.ErrorCode;
import io.oregrid.grid.liveops.EventType;
import io.oregrid.grid.liveops.RewardTable;
import io.oregrid.node.liveops.IncomingEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Validates a {@code POST /events} body (after its signature was checked) into an
 * {@link IncomingEvent}; every refusal is 400 VALIDATION_FAILED naming the field as a JSON path
 * ({@code payload.deltaXp}). The body keeps the game servers' camelCase format (SPEC). Rules:
 * <ul>
 *   <li>{@code type}: progression, boss_kill or drop_claimed;</li>
 *   <li>{@code playerId}: string of 1–64 characters, no control characters;</li>
 *   <li>{@code ts}: integer unix seconds from 2000-01-01 up to the signature tolerance past the node clock;</li>
 *   <li>{@code payload}: object; progression {@code deltaXp} integer 1–{@value #MAX_DELTA_XP} and
 *       {@code activity} string 1–64; boss_kill {@code bossId} string 1–64; drop_claimed {@code itemId}
 *       string 1–64 and {@code rarity} one of common, rare, epic, legendary.</li>
 * </ul>
 * Duplicate member names are refused (the signed text must mean one thing).
 */
public final class EventBodies {
    /** Largest XP one progression event may claim. */
    public static final long MAX_DELTA_XP = 1_000_000;
    /** 2000-01-01T00:00:00Z, unix seconds: the earliest {@code ts} accepted. */
    public static final long MIN_TS = 946_684_800L;
    private static final int MAX_ID_CHARS = 64;
    private static final ObjectMapper STRICT = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private EventBodies() {
    }

    /**
     * @param raw      the raw body
     * @param maxTsS   latest acceptable {@code ts}, unix seconds
     * @return the event
     * @throws ApiException 400 naming the field at fault
     */
    public static IncomingEvent parse(byte[] raw, long maxTsS) {
        JsonNode body = object(raw);
        String typeName = string(body, "type", "type", 32);
        EventType type = EventType.fromWireName(typeName).orElseThrow(() ->
                ApiException.invalid("type", "type must be one of progression, boss_kill, drop_claimed"));
        String playerId = string(body, "playerId", "playerId", MAX_ID_CHARS);
        long ts = integer(body, "ts", "ts", MIN_TS, maxTsS);
        JsonNode payload = body.get("payload");
        if (payload == null || !payload.isObject()) {
            throw ApiException.invalid("payload", "payload must be a JSON object");
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        return switch (type) {
            case PROGRESSION -> new IncomingEvent(type, playerId, ts,
                    integer(payload, "deltaXp", "payload.deltaXp", 1, MAX_DELTA_XP),
                    string(payload, "activity", "payload.activity", MAX_ID_CHARS), null, null, null, text);
            case BOSS_KILL -> new IncomingEvent(type, playerId, ts, 0, null,
                    string(payload, "bossId", "payload.bossId", MAX_ID_CHARS), null, null, text);
            case DROP_CLAIMED -> {
                String itemId = string(payload, "itemId", "payload.itemId", MAX_ID_CHARS);
                String rarity = string(payload, "rarity", "payload.rarity", 16);
                if (!Arrays.asList(RewardTable.RARITIES).contains(rarity)) {
                    throw ApiException.invalid("payload.rarity", "payload.rarity must be one of "
                            + String.join(", ", RewardTable.RARITIES));
                }
                yield new IncomingEvent(type, playerId, ts, 0, null, null, itemId, rarity, text);
            }
        };
    }

    private static JsonNode object(byte[] raw) {
        JsonNode node;
        try {
            node = STRICT.readTree(raw);
        } catch (JsonProcessingException e) {
            throw ApiException.of(ErrorCode.VALIDATION_FAILED, "malformed JSON body (or a duplicate member name)");
        } catch (IOException e) {
            throw ApiException.of(ErrorCode.VALIDATION_FAILED, "unreadable body");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.of(ErrorCode.VALIDATION_FAILED, "body must be a JSON object");
        }
        return node;
    }

    private static String string(JsonNode parent, String name, String field, int maxChars) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            throw ApiException.invalid(field, field + " is required");
        }
        if (!n.isTextual()) {
            throw ApiException.invalid(field, field + " must be a string");
        }
        String v = n.asText();
        if (v.isEmpty() || v.codePointCount(0, v.length()) > maxChars || v.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalid(field, field + " must be 1-" + maxChars + " characters without control characters");
        }
        return v;
    }

    private static long integer(JsonNode parent, String name, String field, long min, long max) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            throw ApiException.invalid(field, field + " is required");
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw ApiException.invalid(field, field + " must be an integer");
        }
        long v = n.asLong();
        if (v < min || v > max) {
            throw ApiException.invalid(field, field + " must be between " + min + " and " + max);
        }
        return v;
    }
}
