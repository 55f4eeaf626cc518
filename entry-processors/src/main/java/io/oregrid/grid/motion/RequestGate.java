package io.oregrid.grid.motion;

/**
 * The answer of {@link OpenRequestProcessor}: whether the per-user request limit let the request in,
 * and the caller's position for the operation that follows.
 *
 * @param retryAfterMs    0 when the tokens were taken (or none was asked for), else node ms until one is available
 * @param locationLimited (refused only) the per-player location limit refused, not the per-user one
 * @param position        the caller's last accepted fix, or null before the first
 */
public record RequestGate(long retryAfterMs, boolean locationLimited, Fix position) {

    /** @return whether the request may go on */
    public boolean open() {
        return retryAfterMs == 0;
    }
}
