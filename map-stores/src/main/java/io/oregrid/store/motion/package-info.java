/**
 * The {@code player-motion} and {@code location-history} maps in PostgreSQL: anti-cheat state and
 * the append-only, month-partitioned history of accepted fixes, written through the batched
 * (write-behind) path.
 */
package io.oregrid.store.motion;
