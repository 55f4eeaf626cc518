/**
 * The WebSocket edge {@code /ws} (SPEC "WebSocket {@code /ws}", SPEC capability 5 "Realtime").
 *
 * <p>Protocol. Every message is a JSON object with a {@code type}; control messages carry flat
 * fields, client events and pushes a {@code data} object. Any client message may carry an
 * {@code "id"} (1–64 characters) that the direct reply and any error about it echo.
 * <ol>
 *   <li>Handshake ({@link io.oregrid.edge.realtime.Handshake}): first message
 *       {@code {"type":"auth","token"}} within 5 s → {@code auth_result}; failures close with 4001,
 *       4002 or 4003 ({@link io.oregrid.edge.realtime.CloseCodes}).</li>
 *   <li>Client messages ({@link io.oregrid.edge.realtime.MessageType}, one switch in
 *       {@link io.oregrid.edge.realtime.Dispatcher}): {@code subscribe}/{@code unsubscribe}
 *       {@code {"channels":[...]}}, {@code location.update}, {@code chat.message},
 *       {@code game.action} (collect), {@code ping}.</li>
 *   <li>Server messages ({@link io.oregrid.edge.realtime.Outbound}): replies, {@code error}s (the
 *       connection stays open) and pushes ({@link io.oregrid.edge.realtime.Fanout}).</li>
 * </ol>
 *
 * <p>Rooms ({@link io.oregrid.edge.realtime.Rooms}) are per node and hold only local sockets; grid
 * events ({@code io.oregrid.node.realtime.WorldEvents}) reach every node, each of which pushes to
 * its own rooms. Each socket has a bounded send queue ({@link io.oregrid.edge.realtime.Outbox}).
 */
package io.oregrid.edge.realtime;
