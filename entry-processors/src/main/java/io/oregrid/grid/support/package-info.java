/** What every grid feature shares: the game clock, geometry helpers, hashing. */
package io.oregrid.grid.support;
