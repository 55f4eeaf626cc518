/**
 * Benchmarks, run by hand, never by the test suite: {@link io.oregrid.bench.WsBench} (the WebSocket
 * edge, {@code bench/run.sh}), {@link io.oregrid.bench.PersistenceBench}, {@link io.oregrid.bench.EventsBench},
 * and {@code ./ore bench} ({@link io.oregrid.bench.compare.CompareBench}: ORE against Redis and the HTTP
 * ceiling). {@link io.oregrid.bench.ChildJvm} and {@link io.oregrid.bench.ServerProcess} start the
 * processes under test.
 */
package io.oregrid.bench;
