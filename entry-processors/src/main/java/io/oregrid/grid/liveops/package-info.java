/**
 * LiveOps domain (SPEC capabilities 6–9): the game servers' signed events, their Idempotency-Keys,
 * a player's fairness and progression state, suspicious events, and the processors that change them.
 * Every processor is deterministic (time, ids and rules are arguments) and idempotent by event id or
 * request owner, so a Hazelcast re-run or a client retry changes nothing twice.
 */
package io.oregrid.grid.liveops;
