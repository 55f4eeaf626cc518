/**
 * S2 cells of the game level: the coins that live in a cell (with their claims) and the players
 * present in it, mutated by EntryProcessors in the cell's partition.
 */
package io.oregrid.grid.cell;
