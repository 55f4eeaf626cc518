/**
 * {@code ./ore sql}: analysts' SQL from the command line, as a Hazelcast client of a running
 * cluster, printing results as aligned text tables. The tables are the mappings every node creates
 * at start ({@code io.oregrid.node.sql.SqlMappings}).
 */
package io.oregrid.edge.sql;
