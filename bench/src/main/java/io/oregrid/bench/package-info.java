/**
 * Benchmarks, run by hand ({@code bench/run.sh}), never by the test suite. {@link io.oregrid.bench.WsBench}
 * measures the WebSocket edge: connections held, heap per connection, move-to-delivery latency.
 */
package io.oregrid.bench;
