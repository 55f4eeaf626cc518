package io.oregrid.grid.liveops;

/**
 * One Idempotency-Key's request (draft-ietf-httpapi-idempotency-key-header), value of the
 * {@code idempotency} map (key: caller scope + {@code "|"} + the client's key).
 *
 * @param fingerprint   hex SHA-256 of the request body the key was first used with
 * @param owner         id of the request that holds (or held) the key; a re-run by the same owner is the same request
 * @param startedAtMs   node time the request began, epoch ms
 * @param leaseUntilMs  while in flight, node time after which another request may take the key over
 *                      (the first one is presumed dead), epoch ms
 * @param done          whether the response below is final
 * @param status        the stored response's HTTP status (when done)
 * @param body          the stored response body (when done)
 * @param expiresAtMs   node time after which the key is forgotten, epoch ms
 */
public record IdempotencyRecord(String fingerprint, String owner, long startedAtMs, long leaseUntilMs,
                                boolean done, int status, String body, long expiresAtMs) {

    /** @return whether this record still counts at {@code nowMs} */
    public boolean liveAt(long nowMs) {
        return nowMs < expiresAtMs;
    }
}
