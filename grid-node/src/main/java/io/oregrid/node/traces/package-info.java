/**
 * Real GPS input: the Go!Track traces of Aracaju (UCI dataset 354, CC BY 4.0) bundled under
 * {@code sample-data/gps/go_track_aracaju/}, read as distinct trips, thinned to the client's fix
 * cadence, and scanned for the glitches anti-cheat must refuse. The demo replays them as players.
 */
package io.oregrid.node.traces;
