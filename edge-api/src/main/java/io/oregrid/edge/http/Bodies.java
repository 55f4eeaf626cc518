package io.oregrid.edge.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

import java.util.Locale;

/**
 * Reads JSON request bodies strictly: content type (415), size (413), syntax and shape (400,
 * naming the field). Typed getters enforce presence and type; range checks stay with the caller.
 */
public final class Bodies {

    private Bodies() {
    }

    /**
     * @return the body as a JSON object
     * @throws ApiException 415 when not {@code application/json}, 413 over the limit, 400 when malformed or not an object
     */
    public static JsonNode object(Context ctx, long maxBytes) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw ApiException.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
        }
        byte[] raw = raw(ctx, maxBytes);
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            throw ApiException.of(ErrorCode.VALIDATION_FAILED, "malformed JSON body");
        } catch (java.io.IOException e) {
            throw ApiException.of(ErrorCode.VALIDATION_FAILED, "unreadable body");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.of(ErrorCode.VALIDATION_FAILED, "body must be a JSON object");
        }
        return node;
    }

    /**
     * @return the raw body bytes
     * @throws ApiException 413 when over {@code maxBytes}
     */
    public static byte[] raw(Context ctx, long maxBytes) {
        long declared = ctx.contentLength();
        if (declared > maxBytes) {
            throw ApiException.of(ErrorCode.PAYLOAD_TOO_LARGE, "request body over " + maxBytes + " bytes");
        }
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length > maxBytes) {
            throw ApiException.of(ErrorCode.PAYLOAD_TOO_LARGE, "request body over " + maxBytes + " bytes");
        }
        return raw;
    }

    /** @throws ApiException 400 naming {@code field} when missing or not a finite number */
    public static double requireDouble(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            throw ApiException.invalid(field, field + " is required");
        }
        return number(n, field);
    }

    /** @return the number, or null when absent; @throws ApiException 400 when present but not a finite number */
    public static Double optionalDouble(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : number(n, field);
    }

    private static double number(JsonNode n, String field) {
        if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw ApiException.invalid(field, field + " must be a number");
        }
        return n.asDouble();
    }

    /** @throws ApiException 400 naming {@code field} when missing or not an integral number */
    public static long requireLong(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            throw ApiException.invalid(field, field + " is required");
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw ApiException.invalid(field, field + " must be an integer");
        }
        return n.asLong();
    }

    /** @throws ApiException 400 naming {@code field} when missing or not a string */
    public static String requireString(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            throw ApiException.invalid(field, field + " is required");
        }
        if (!n.isTextual()) {
            throw ApiException.invalid(field, field + " must be a string");
        }
        return n.asText();
    }

    /**
     * Reads an integer query parameter with a default and inclusive bounds.
     *
     * @throws ApiException 400 naming the parameter when not an integer or out of bounds
     */
    public static int queryInt(Context ctx, String name, int def, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return def;
        }
        int value;
        try {
            value = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, name + " must be an integer between " + min + " and " + max);
        }
        if (value < min || value > max) {
            throw ApiException.invalid(name, name + " must be between " + min + " and " + max);
        }
        return value;
    }
}
