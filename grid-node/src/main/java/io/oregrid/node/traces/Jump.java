package io.oregrid.node.traces;

/**
 * A move between two consecutive fixes of a trace, with the speed it implies.
 *
 * @param trackId   the trip it belongs to
 * @param from      the earlier fix
 * @param to        the later fix
 * @param distanceM great-circle distance between them, metres
 * @param speedMps  distance over the time between them, m/s (infinite when both share a timestamp)
 */
public record Jump(String trackId, TracePoint from, TracePoint to, double distanceM, double speedMps) {
}
