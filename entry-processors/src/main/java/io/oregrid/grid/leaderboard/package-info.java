/**
 * Leaderboards (issue #6): a player's score in one daily, weekly or seasonal window, as the
 * leaderboard Jet job computes it from the accepted-event stream, and the processor that stores it.
 */
package io.oregrid.grid.leaderboard;
