package io.oregrid.edge.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.oregrid.node.grid.GridGateway;

/**
 * The {@link GridGateway}'s counts on {@code /metrics}: {@code ore_grid_calls_total{kind}} with kind
 * {@code blocking}, {@code awaited} or {@code detached}, so an operator sees the cost rules hold in
 * production (ARCHITECTURE "Cost rules").
 */
public final class GatewayMetrics {

    private GatewayMetrics() {
    }

    /** Registers the three counters of {@code grid} on {@code meters}. */
    public static void bind(GridGateway grid, MeterRegistry meters) {
        FunctionCounter.builder("ore_grid_calls_total", grid, g -> g.counts().blocking()).tag("kind", "blocking")
                .description("grid calls that parked the calling thread").register(meters);
        FunctionCounter.builder("ore_grid_calls_total", grid, g -> g.counts().awaited()).tag("kind", "awaited")
                .description("asynchronous grid calls a request's answer waited for").register(meters);
        FunctionCounter.builder("ore_grid_calls_total", grid, g -> g.counts().detached()).tag("kind", "detached")
                .description("asynchronous grid calls nobody waited for (idempotent follow-ups, publishes)").register(meters);
    }
}
