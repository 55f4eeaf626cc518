/**
 * Chat channels and their bounded history in the grid: one {@link io.oregrid.grid.chat.ChatRing} per
 * channel in the {@code chat-rings} map, appended to by {@link io.oregrid.grid.chat.AppendChatProcessor}
 * (SPEC capability 14 "chat channels with history"; SPEC "WebSocket {@code /ws}" channel names).
 */
package io.oregrid.grid.chat;
