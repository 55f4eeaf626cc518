/**
 * {@code ./ore demo}: replays the bundled real GPS traces ({@link io.oregrid.node.traces}) against a
 * node through its public HTTP API as concurrent players — register, send fixes at the client's
 * cadence, look for coins, collect those in range — and reports what the node decided and how fast.
 * The node judges these players exactly as live ones; nothing here bypasses a rule.
 */
package io.oregrid.edge.demo;
