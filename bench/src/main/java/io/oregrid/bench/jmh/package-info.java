/** JMH micro-benchmarks that isolate one cost a profile pointed at; run by {@code ./ore bench}. */
package io.oregrid.bench.jmh;
