/**
 * The LiveOps edge (SPEC "Event ingestion and LiveOps"): {@code POST /events} and
 * {@code /rewards/*} authenticated by HMAC signatures, {@code /leaderboard}, the caller's own rank
 * and the admin unblock; HTTP mapping of the grid-side {@code io.oregrid.node.liveops} operations.
 */
package io.oregrid.edge.liveops;
