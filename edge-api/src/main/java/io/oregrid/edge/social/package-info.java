/**
 * Social routes (SPEC capability 14): chat history over REST; messages are posted over the
 * WebSocket ({@code io.oregrid.edge.realtime}).
 */
package io.oregrid.edge.social;
