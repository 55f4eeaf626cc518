package io.oregrid.edge.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal that becomes the SPEC error envelope
 * {@code {"error","code","request_id"[,"field"][,"reason"][, extra...]}} with the code's status.
 * Handlers throw it; {@link ErrorHandlers} renders it. The message is shown to the client, so it
 * must never carry secrets, SQL or stack traces.
 */
public final class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, Object> extra;
    private final Long retryAfterS;

    private ApiException(ErrorCode code, String message, Map<String, Object> extra, Long retryAfterS) {
        super(message, null, false, false);
        this.code = code;
        this.extra = extra;
        this.retryAfterS = retryAfterS;
    }

    /** A refusal with a code and a human message. */
    public static ApiException of(ErrorCode code, String message) {
        return new ApiException(code, message, new LinkedHashMap<>(), null);
    }

    /** 400 {@code VALIDATION_FAILED} naming the input field at fault. */
    public static ApiException invalid(String field, String message) {
        return of(ErrorCode.VALIDATION_FAILED, message).with("field", field);
    }

    /** A 429 with its {@code Retry-After} header, in whole seconds (at least 1). */
    public static ApiException rateLimited(ErrorCode code, String message, long retryAfterS) {
        return new ApiException(code, message, new LinkedHashMap<>(), Math.max(1, retryAfterS));
    }

    /** Adds a body field (e.g. {@code reason}, {@code distance_m}); returns this. */
    public ApiException with(String key, Object value) {
        extra.put(key, value);
        return this;
    }

    public ErrorCode code() {
        return code;
    }

    /** @return extra envelope fields in insertion order */
    public Map<String, Object> extra() {
        return extra;
    }

    /** @return seconds for {@code Retry-After}, or null */
    public Long retryAfterS() {
        return retryAfterS;
    }
}
