/**
 * S2 cells of the game level, split so the common change touches a small entry (ARCHITECTURE "Cost
 * rules"): the players present in a cell ({@code cell-presence}), the claims on its coins
 * ({@code coin-claims}, same partition), and its coins, which are derived — a pure function of (cell,
 * spawn epoch, index) and the claims ({@link io.oregrid.grid.cell.CoinField}) — and never stored.
 */
package io.oregrid.grid.cell;
