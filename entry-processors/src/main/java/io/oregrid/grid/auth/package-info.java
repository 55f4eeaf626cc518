/**
 * Accounts and sessions in the grid (SPEC "Auth"): users keyed by lower-cased e-mail, the
 * username claims that keep usernames unique, refresh tokens stored only as SHA-256 hashes with
 * their rotation state, and the RSA signing keys of the access tokens. Every change is a
 * {@code putIfAbsent} or a deterministic, idempotent EntryProcessor; callers pass the time.
 */
package io.oregrid.grid.auth;
