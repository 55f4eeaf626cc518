/**
 * Transport-neutral game operations over the grid (location updates, coins, inventory): called
 * alike by REST, WebSocket and offline sync; each is one or a few EntryProcessor calls.
 */
package io.oregrid.node.game;
