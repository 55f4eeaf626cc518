/** PostgreSQL persistence of a member: pool, migrations at start, the map stores' wiring, the health check. */
package io.oregrid.node.persistence;
