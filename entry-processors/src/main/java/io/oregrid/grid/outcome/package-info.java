/** The stream of accepted outcomes (fixes, collects) that analytics reads, each once by a deterministic id. */
package io.oregrid.grid.outcome;
