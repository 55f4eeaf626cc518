/**
 * {@code ./ore bench} (issue #7): ORE side by side with Redis, a bare Javalin endpoint and itself
 * under two collectors, on the same Go!Track input, in one process run. {@link
 * io.oregrid.bench.compare.CompareBench} runs the rows; {@link io.oregrid.bench.compare.LoadDriver}
 * offers open-loop load and searches capacity; {@link io.oregrid.bench.compare.JfrProfile} says where
 * the CPU went. See {@code bench/README.md}.
 */
package io.oregrid.bench.compare;
