/**
 * Transport-neutral realtime on the grid (SPEC capability 5 "Realtime", ARCHITECTURE "Edge": events
 * reach every edge node through the grid): {@link io.oregrid.node.realtime.WorldEvents} turns changes of
 * the {@code cells} and {@code player-motion} maps and the chat topic into events for one node's
 * {@link io.oregrid.node.realtime.WorldListener}; {@link io.oregrid.node.realtime.ChatService} appends
 * to and reads the chat history and publishes what it appended. The WebSocket edge is one consumer.
 */
package io.oregrid.node.realtime;
