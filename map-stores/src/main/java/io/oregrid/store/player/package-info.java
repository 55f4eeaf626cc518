/** The {@code players} map in PostgreSQL: balances and the one-row-per-coin collections ledger. */
package io.oregrid.store.player;
