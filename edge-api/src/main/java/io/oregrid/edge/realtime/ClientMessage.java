package io.oregrid.edge.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.ErrorCode;
import io.oregrid.edge.http.Json;

/**
 * The one typed envelope of a client message (SPEC "WebSocket {@code /ws}"): {@code type}, the
 * optional correlation {@code id} (1–64 characters, echoed on the direct reply and on errors), and
 * the fields — the message itself for control messages, its {@code data} object for client events.
 *
 * @param type   what the message asks for
 * @param id     the client's correlation id, or null
 * @param fields where the type's fields are read from
 */
public record ClientMessage(MessageType type, String id, JsonNode fields) {
    private static final int MAX_ID_CHARS = 64;

    /**
     * Parses a text frame strictly.
     *
     * @throws ApiException VALIDATION_FAILED for malformed JSON, a non-object, a missing or unknown
     *                      {@code type}, a bad {@code id} or a missing {@code data} object; the
     *                      exception carries {@code in_reply_to} / {@code id} when they were readable
     */
    public static ClientMessage parse(String text) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.of(ErrorCode.VALIDATION_FAILED, "malformed JSON");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.of(ErrorCode.VALIDATION_FAILED, "a message must be a JSON object");
        }
        String id = correlationId(root.get("id"));
        JsonNode typeNode = root.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw withId(ApiException.invalid("type", "type is required and must be a string"), id);
        }
        String wire = typeNode.asText();
        MessageType type = MessageType.fromWire(wire).orElseThrow(() -> withId(ApiException.invalid("type",
                "unknown message type '" + abbreviate(wire) + "'"), id));
        if (!type.isEvent()) {
            return new ClientMessage(type, id, root);
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw withId(ApiException.invalid("data", type.wire() + " needs a data object"), id)
                    .with("in_reply_to", type.wire());
        }
        return new ClientMessage(type, id, data);
    }

    private static String correlationId(JsonNode id) {
        if (id == null || id.isNull()) {
            return null;
        }
        if (!id.isTextual() || id.asText().isEmpty() || id.asText().length() > MAX_ID_CHARS) {
            throw ApiException.invalid("id", "id must be a string of 1-" + MAX_ID_CHARS + " characters");
        }
        return id.asText();
    }

    private static ApiException withId(ApiException e, String id) {
        return id == null ? e : e.with("id", id);
    }

    private static String abbreviate(String s) {
        return s.length() <= MAX_ID_CHARS ? s : s.substring(0, MAX_ID_CHARS) + "...";
    }
}
