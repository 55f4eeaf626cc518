/**
 * Player motion: GPS fixes, the anti-cheat rules of SPEC "Location" and the EntryProcessor that
 * judges and records a fix atomically in the player's partition.
 */
package io.oregrid.grid.motion;
