/**
 * Authentication on the edge (SPEC "Auth"): register, login, refresh and logout routes, RS256
 * access tokens with grid-held rotatable signing keys and a JWKS endpoint, the bearer-token filter
 * that puts the {@link io.oregrid.edge.auth.Principal} on each {@code /api/v1} request, and the
 * first-admin bootstrap. {@link io.oregrid.edge.auth.AuthModule} wires it all.
 */
package io.oregrid.edge.auth;
