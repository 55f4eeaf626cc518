/**
 * LiveOps on the grid side (SPEC "Event ingestion and LiveOps"): HMAC signatures (RFC 2104), the
 * Idempotency-Key store, ingestion of game-server events through the player's fairness and
 * progression processor into the event stream, suspicious events, reward receipts, leaderboards
 * and their Jet job. Transport-neutral: the edge maps these results to HTTP.
 */
package io.oregrid.node.liveops;
