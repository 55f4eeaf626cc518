/**
 * What every store shares: the HikariCP pool, the Flyway migrations, the table-backed
 * MapLoader/MapStore templates and the {@link io.oregrid.store.support.StoreException} that carries
 * a database failure to the caller.
 */
package io.oregrid.store.support;
