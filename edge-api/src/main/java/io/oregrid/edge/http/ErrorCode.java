package io.oregrid.edge.http;

/** Every error code of SPEC "API contract v1" with its HTTP status. */
public enum ErrorCode {
    VALIDATION_FAILED(400), IDEMPOTENCY_KEY_MISSING(400),
    AUTH_MISSING(401), AUTH_INVALID_TOKEN(401), AUTH_INVALID_CREDENTIALS(401), SIGNATURE_INVALID(401),
    FORBIDDEN(403), PLAYER_BLOCKED(403),
    NOT_FOUND(404), COIN_NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    EMAIL_TAKEN(409), USERNAME_TAKEN(409), COIN_ALREADY_COLLECTED(409), IDEMPOTENCY_IN_PROGRESS(409), NO_POSITION(409),
    COIN_EXPIRED(410),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    MOVEMENT_REJECTED(422), OUT_OF_RANGE(422), IDEMPOTENCY_KEY_REUSED(422),
    RATE_LIMIT_EXCEEDED(429), LOCATION_RATE_LIMIT(429), EVENT_RATE_LIMIT(429),
    INTERNAL_ERROR(500),
    DEPENDENCY_UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    /** @return the HTTP status this code is sent with */
    public int status() {
        return status;
    }
}
