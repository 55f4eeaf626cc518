/**
 * Distributed SQL for analysts (SPEC capability 11): the mappings from the grid's maps to SQL
 * tables, defined once in the classpath script {@code sql/mappings.sql} and created by every node
 * at start.
 */
package io.oregrid.node.sql;
