package io.oregrid.edge;

import com.hazelcast.core.HazelcastInstance;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.oregrid.edge.admin.AdminRoutes;
import io.oregrid.edge.auth.AuthModule;
import io.oregrid.edge.game.CoinCollects;
import io.oregrid.edge.game.GameRoutes;
import io.oregrid.edge.liveops.LiveOpsModule;
import io.oregrid.edge.location.LocationRoutes;
import io.oregrid.edge.location.LocationUpdates;
import io.oregrid.edge.ops.GatewayMetrics;
import io.oregrid.edge.ops.OpsRoutes;
import io.oregrid.edge.ratelimit.RateLimiter;
import io.oregrid.edge.realtime.RealtimeModule;
import io.oregrid.edge.social.ChatRoutes;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.OreNode;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.game.ClaimSweeper;
import io.oregrid.node.game.GameServices;
import io.oregrid.node.game.GameRules;
import io.oregrid.node.realtime.ChatService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * An all-in-one ORE node (ARCHITECTURE "Runtime shapes"): an embedded member plus the Javalin edge
 * talking to it in-process. The composition root: every service is wired here explicitly.
 */
public final class OreServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OreServer.class);

    private final OreNode node;
    private final Javalin app;
    private final GameServices game;
    private final ClaimSweeper sweeper;
    private final AuthModule auth;
    private final PrometheusMeterRegistry meters;
    private final RealtimeModule realtime;

    private OreServer(OreNode node, Javalin app, GameServices game, ClaimSweeper sweeper, AuthModule auth,
                      PrometheusMeterRegistry meters, RealtimeModule realtime) {
        this.node = node;
        this.app = app;
        this.game = game;
        this.sweeper = sweeper;
        this.auth = auth;
        this.meters = meters;
        this.realtime = realtime;
    }

    /**
     * Starts a member as configured and an edge on {@code config.httpPort()} (0 = any free port).
     *
     * @param clock the node's one clock (real time in production; faster in the demo)
     */
    public static OreServer start(OreConfig config, GameClock clock) {
        OreNode node = OreNode.start(config, clock);
        try {
            return start(node);
        } catch (RuntimeException e) {
            node.close(); // e.g. the HTTP port is taken: do not leave a member running
            throw e;
        }
    }

    /** Starts an edge on an already running member (tests pass members of their own clusters). */
    public static OreServer start(OreNode node) {
        OreConfig config = node.config();
        GameClock clock = node.clock();
        HazelcastInstance hz = node.hazelcast();
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(meters);
        new JvmGcMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);

        GameServices game = GameServices.create(hz, config, clock);
        GameRules rules = game.rules();
        ClaimSweeper sweeper = game.sweeper(clock, config.sweepGraceS() * 1000L).start(config.sweepIntervalS() * 1000L);
        RateLimiter limiter = new RateLimiter(config, clock, game.grid(), meters);
        AuthModule auth = new AuthModule(config, clock, hz, meters, limiter);
        GatewayMetrics.bind(game.grid(), meters);

        LocationUpdates locationUpdates = new LocationUpdates(game.location(), limiter, meters);
        CoinCollects collects = new CoinCollects(game.coins(), limiter, meters);
        ChatService chat = new ChatService(hz, clock, config.chatHistoryPerChannel());
        RealtimeModule realtime = new RealtimeModule(config, clock, game.grid(), auth.tokens(), locationUpdates, collects,
                chat, rules.cellLevel(), meters);

        Javalin app = EdgeApp.create(config,
                List.of(auth.authFilter(), limiter.userLimitFilter(
                        ctx -> LocationRoutes.takesOwnRequestToken(ctx) || GameRoutes.takesOwnRequestToken(ctx))),
                List.of(auth,
                        new LocationRoutes(game.location(), locationUpdates, config.maxBodyBytes()),
                        new GameRoutes(game.coins(), collects),
                        new ChatRoutes(chat, rules.cellLevel()),
                        realtime,
                        new AdminRoutes(auth.service(), config.maxBodyBytes()),
                        new LiveOpsModule(config, clock, hz, meters),
                        new OpsRoutes(hz, config, meters, node.startedAtMs())));
        try {
            app.start();
        } catch (RuntimeException e) {
            realtime.close();
            sweeper.close();
            game.close();
            throw e;
        }
        LOG.info("edge listening on http://localhost:{} (cluster {}, S2 game level {}, persistence {})", app.port(),
                config.clusterName(), rules.cellLevel(), config.persistenceEnabled() ? "postgresql" : "memory");
        return new OreServer(node, app, game, sweeper, auth, meters, realtime);
    }

    /** @return the edge's HTTP port */
    public int port() {
        return app.port();
    }

    /** @return {@code http://localhost:<port>} */
    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public HazelcastInstance hazelcast() {
        return node.hazelcast();
    }

    public OreNode node() {
        return node;
    }

    /** @return the game's grid services (their gateway counts every grid call) */
    public GameServices game() {
        return game;
    }

    public AuthModule auth() {
        return auth;
    }

    public PrometheusMeterRegistry meters() {
        return meters;
    }

    /** @return the WebSocket edge ({@code /ws}) */
    public RealtimeModule realtime() {
        return realtime;
    }

    /** Graceful stop: WebSockets close with 1001, the edge stops taking requests, then the member leaves the cluster. */
    @Override
    public void close() {
        realtime.close();
        app.stop();
        sweeper.close();
        game.close();
        node.close();
    }
}
