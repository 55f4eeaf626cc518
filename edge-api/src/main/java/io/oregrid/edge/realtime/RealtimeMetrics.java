package io.oregrid.edge.realtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The realtime meters (Prometheus names):
 * <ul>
 *   <li>{@code ore_ws_connections}: open sockets on this node (authenticated or not);</li>
 *   <li>{@code ore_ws_messages_in_total{type}}: client messages by type ({@code invalid} when unparseable);</li>
 *   <li>{@code ore_ws_messages_out_total{type}}: server messages queued, by type (a push counts once per recipient);</li>
 *   <li>{@code ore_ws_slow_consumers_dropped_total}: sockets dropped because their send queue was full;</li>
 *   <li>{@code ore_ws_closes_total{code}}: sockets the server closed, by close code;</li>
 *   <li>{@code ore_ws_fanout_seconds}: from a grid event's arrival on this node to its message being
 *       queued for every local recipient (p50 and p99 over the last minutes, count and sum).</li>
 * </ul>
 */
final class RealtimeMetrics {
    private final MeterRegistry meters;
    private final Map<String, Counter> in = new ConcurrentHashMap<>();
    private final Map<String, Counter> out = new ConcurrentHashMap<>();
    private final Map<Integer, Counter> closes = new ConcurrentHashMap<>();
    private final Counter dropped;
    private final Timer fanout;

    RealtimeMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.dropped = Counter.builder("ore_ws_slow_consumers_dropped_total")
                .description("sockets dropped because their send queue was full").register(meters);
        this.fanout = Timer.builder("ore_ws_fanout_seconds")
                .description("grid event arrival to queued for every local recipient")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    /** Registers {@code ore_ws_connections}, read from {@code openConnections}. */
    void gaugeConnections(Supplier<Number> openConnections) {
        Gauge.builder("ore_ws_connections", openConnections).description("open WebSocket connections").register(meters);
    }

    void in(String type) {
        in.computeIfAbsent(type, t -> meters.counter("ore_ws_messages_in_total", "type", t)).increment();
    }

    /** Counts one message sent; resolved by a plain lookup (computeIfAbsent's lambda cost 9 % of a fan-out). */
    void out(String type) {
        Counter c = out.get(type);
        if (c == null) {
            c = out.computeIfAbsent(type, t -> meters.counter("ore_ws_messages_out_total", "type", t));
        }
        c.increment();
    }

    void dropped() {
        dropped.increment();
    }

    void closed(int code) {
        closes.computeIfAbsent(code, c -> meters.counter("ore_ws_closes_total", "code", Integer.toString(c))).increment();
    }

    /** Records one fan-out that started at {@code startNanos} ({@link System#nanoTime()}). */
    void fanout(long startNanos) {
        fanout.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    /** @return slow consumers dropped so far on this node */
    double droppedCount() {
        return dropped.count();
    }
}
