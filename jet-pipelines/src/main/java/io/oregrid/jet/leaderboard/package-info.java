/**
 * The leaderboard Jet job (issue #6): the accepted-event stream's journal in, per-player totals per
 * daily, weekly and seasonal UTC window out, into {@code leaderboards}.
 */
package io.oregrid.jet.leaderboard;
