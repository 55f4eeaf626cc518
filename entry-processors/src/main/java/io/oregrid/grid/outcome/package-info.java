/** The streams of accepted outcomes: fixes through the player-motion journal ({@link io.oregrid.grid.outcome.FixOutcomes}), collects and later kinds through the outcomes map; each once by a deterministic id. */
package io.oregrid.grid.outcome;
