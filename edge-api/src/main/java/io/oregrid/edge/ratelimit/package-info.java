/**
 * Distributed rate limits (SPEC "Rate limits"): Bucket4j token buckets whose state lives in the
 * grid map {@code rate-limits}, so every edge node shares them, timed by the node's game clock.
 */
package io.oregrid.edge.ratelimit;
