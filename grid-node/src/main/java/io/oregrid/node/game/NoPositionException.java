package io.oregrid.node.game;

/** The player has no accepted fix yet, so nothing can be judged around them (SPEC: 409 NO_POSITION). */
public final class NoPositionException extends RuntimeException {
    public NoPositionException() {
        super("no accepted position yet: send a location update first", null, false, false);
    }
}
