/** What changed in the world, as deltas for the realtime fan-out of every edge node. */
package io.oregrid.grid.world;
