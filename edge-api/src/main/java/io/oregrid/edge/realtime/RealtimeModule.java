package io.oregrid.edge.realtime;

import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.oregrid.edge.EdgeModule;
import io.oregrid.edge.auth.TokenService;
import io.oregrid.edge.game.CoinCollects;
import io.oregrid.edge.location.LocationUpdates;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.grid.DaemonThreads;
import io.oregrid.node.grid.GridGateway;
import io.oregrid.node.realtime.ChatService;
import io.oregrid.node.realtime.PlayerCells;
import io.oregrid.node.realtime.WorldEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The WebSocket edge, {@code /ws} (SPEC "WebSocket {@code /ws}"; SPEC capability 5), wired in one
 * place: Jetty session limits, the handshake, the dispatch switch, rooms and the grid events that
 * feed them. See the package documentation for the protocol.
 *
 * <p>Per socket: text messages up to {@code ORE_WS_MAX_MESSAGE_BYTES} (larger: Jetty closes with
 * 1009, RFC 6455 §7.4.1), an idle timeout of {@code ORE_WS_IDLE_TIMEOUT_S}, a send queue of
 * {@code ORE_WS_SEND_QUEUE_MAX} messages (full: dropped with 4008) and an error budget of
 * {@code ORE_WS_MAX_ERRORS_PER_MINUTE} (exceeded: 4008). {@link #close()} closes every socket with
 * 1001 and removes the grid listeners; call it before the HTTP server stops.
 */
public final class RealtimeModule implements EdgeModule, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RealtimeModule.class);

    private final ScheduledThreadPoolExecutor timers;
    private final Flusher flusher;
    private final Connections connections;
    private final Handshake handshake;
    private final Dispatcher dispatcher;
    private final WorldEvents world;
    private final RealtimeMetrics metrics;
    private final int maxMessageBytes;
    private final Duration idleTimeout;

    /**
     * @param config    the {@code ORE_WS_*} limits and the S2 cell size
     * @param clock     the game clock (token expiry)
     * @param grid      the gateway of the member or client whose events feed the rooms
     * @param tokens    access-token verification
     * @param locations the location update shared with REST
     * @param collects  the coin collect shared with REST
     * @param chat      chat history and its topic
     * @param cellLevel the game's S2 level
     * @param meters    where the {@code ore_ws_*} meters go
     */
    public RealtimeModule(OreConfig config, GameClock clock, GridGateway grid, TokenService tokens,
                          LocationUpdates locations, CoinCollects collects, ChatService chat, int cellLevel,
                          MeterRegistry meters) {
        this.timers = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("ore-ws-timers"));
        timers.setRemoveOnCancelPolicy(true);
        Rooms rooms = new Rooms();
        Membership membership = new Membership(rooms);
        this.metrics = new RealtimeMetrics(meters);
        this.flusher = new Flusher(config.hotPath().wsFlushThreads());
        this.connections = new Connections(membership, metrics, timers, flusher, config.wsSendQueueMax(),
                config.wsMaxErrorsPerMinute());
        metrics.gaugeConnections(connections::size);
        this.handshake = new Handshake(tokens, clock, connections, membership, new PlayerCells(grid), timers,
                config.wsAuthTimeoutS());
        this.dispatcher = new Dispatcher(handshake, connections, membership, locations, collects, chat, metrics, cellLevel);
        this.maxMessageBytes = config.wsMaxMessageBytes();
        this.idleTimeout = Duration.ofSeconds(config.wsIdleTimeoutS());
        this.world = WorldEvents.register(grid.hazelcast(), new Fanout(rooms, connections, membership, metrics));
        timers.scheduleAtFixedRate(this::sweepExpired, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void routes(RoutesConfig routes) {
        routes.ws("/ws", this::handlers);
    }

    private void handlers(WsConfig ws) {
        ws.onConnect(this::connected);
        ws.onMessage(ctx -> withConnection(ctx, c -> dispatcher.onText(c, ctx.message())));
        ws.onBinaryMessage(ctx -> withConnection(ctx, dispatcher::onBinary));
        ws.onClose(ctx -> connections.gone(ctx.sessionId()));
        ws.onError(ctx -> LOG.debug("ws {} failed: {}", ctx.sessionId(), String.valueOf(ctx.error())));
    }

    private void connected(WsConnectContext ctx) {
        ctx.session.setMaxTextMessageSize(maxMessageBytes);
        ctx.session.setMaxBinaryMessageSize(maxMessageBytes);
        ctx.session.setIdleTimeout(idleTimeout);
        handshake.connected(connections.open(ctx.sessionId(), ctx.session));
    }

    private void withConnection(WsContext ctx, java.util.function.Consumer<Connection> action) {
        Connection c = connections.get(ctx.sessionId());
        if (c != null) {
            action.accept(c);
        }
    }

    private void sweepExpired() {
        try {
            handshake.sweepExpired();
        } catch (RuntimeException e) {
            LOG.error("token-expiry sweep failed; it runs again in a second", e);
        }
    }

    /** @return open sockets on this node */
    public int connectionCount() {
        return connections.size();
    }

    /**
     * Closes every socket with 1001 (going away) — what they still had queued first — stops the timers
     * and the flusher and removes the grid listeners.
     */
    @Override
    public void close() {
        world.close();
        for (Connection c : List.copyOf(connections.all())) {
            connections.close(c, CloseCodes.GOING_AWAY, "server stopping");
        }
        timers.shutdownNow();
        flusher.close();
    }
}
