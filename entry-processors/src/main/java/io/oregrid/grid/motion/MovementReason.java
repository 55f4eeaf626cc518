package io.oregrid.grid.motion;

/** Why a fix was refused, in the order SPEC "Location" checks them (the first failing is reported). */
public enum MovementReason {
    /** The fix lies further in the future than the allowed clock skew (clock manipulation). */
    TIMESTAMP_IN_FUTURE,
    /** The fix is older than the last accepted one, or has its time with another position. */
    TIMESTAMP_NOT_MONOTONIC,
    /** The fix is older than the allowed fix age. */
    FIX_TOO_OLD,
    /** The accuracy radius is larger than allowed. */
    ACCURACY_TOO_LOW,
    /** The speed since the last accepted fix (or the client's own) is above the limit (teleport). */
    SPEED_EXCEEDED,
    /** The change of speed since the last segment is above the limit. */
    ACCELERATION_EXCEEDED
}
