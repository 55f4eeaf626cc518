/**
 * The auth maps in PostgreSQL (write-through): accounts and their roles, username claims,
 * refresh tokens (hashes only) and the RS256 signing keys.
 */
package io.oregrid.store.auth;
