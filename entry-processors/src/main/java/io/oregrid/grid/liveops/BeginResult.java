package io.oregrid.grid.liveops;

/**
 * The answer of {@link BeginRequestProcessor}.
 *
 * @param outcome what the caller must do
 * @param status  the stored response's status (REPLAY only)
 * @param body    the stored response's body (REPLAY only)
 * @param startedAtMs node time the key's first request began (STARTED, REPLAY): with the key it
 *                names the request's effect, e.g. the event id
 */
public record BeginResult(Outcome outcome, int status, String body, long startedAtMs) {

    /** What the request holding an Idempotency-Key does next. */
    public enum Outcome {
        /** The key is this request's: perform the effect, then complete or abandon. */
        STARTED,
        /** Another request with the same key and body is in flight (draft: 409 Conflict). */
        IN_PROGRESS,
        /** A request with the same key and body completed: answer its stored response. */
        REPLAY,
        /** The key was used with a different body (draft: 422 Unprocessable Content). */
        KEY_REUSED
    }

    static BeginResult of(Outcome outcome) {
        return new BeginResult(outcome, 0, null, 0);
    }

    static BeginResult started(long startedAtMs) {
        return new BeginResult(Outcome.STARTED, 0, null, startedAtMs);
    }
}
