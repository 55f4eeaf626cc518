package io.oregrid.edge.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * What one API call came back with: the HTTP status and the JSON body, or a transport failure
 * (status 0, code {@code IO_ERROR}, {@code TIMEOUT} or {@code INTERRUPTED}) so that every call has
 * an outcome to count.
 *
 * @param status HTTP status, 0 when no response arrived
 * @param body   the parsed body; an empty object when there was none or it was not JSON
 */
public record ApiResponse(int status, JsonNode body) {

    /** A call that got no HTTP response. */
    static ApiResponse failure(String code) {
        return new ApiResponse(0, JsonNodeFactory.instance.objectNode().put("code", code));
    }

    /** @return whether the status is 2xx */
    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** @return the error envelope's {@code code}, or {@code HTTP_<status>} when the body has none */
    public String code() {
        String code = body.path("code").asText("");
        return code.isEmpty() ? "HTTP_" + status : code;
    }

    /** @return a text field of the body, or null when absent */
    public String text(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
