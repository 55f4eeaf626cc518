package io.oregrid.edge.liveops;

import com.hazelcast.core.HazelcastInstance;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.oregrid.edge.EdgeModule;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.liveops.EventSignatures;
import io.oregrid.node.liveops.IdempotencyKeys;
import io.oregrid.node.liveops.LeaderboardService;
import io.oregrid.node.liveops.LiveOpsConfig;
import io.oregrid.node.liveops.LiveOpsService;
import io.oregrid.node.liveops.RewardReceipts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the LiveOps feature of an edge node from the configuration: signature verifier (when
 * {@code ORE_EVENTS_HMAC_SECRET} is set), Idempotency-Key store, the grid-side service, and the routes
 * (events, rewards, leaderboards).
 */
public final class LiveOpsModule implements EdgeModule {
    private static final Logger LOG = LoggerFactory.getLogger(LiveOpsModule.class);
    /** A judged event id is remembered for this many lease lengths (retries after a cut-off request). */
    private static final int PROCESSED_KEEP_LEASES = 4;

    private final LiveOpsService service;
    private final LiveOpsRoutes routes;
    private final RewardRoutes rewards;
    private final LeaderboardRoutes leaderboards;

    public LiveOpsModule(OreConfig config, GameClock clock, HazelcastInstance hz, MeterRegistry meters) {
        LiveOpsConfig live = config.liveOps();
        long leaseMs = live.idempotencyLeaseS() * 1000L;
        this.service = new LiveOpsService(hz, clock, live, Math.max(PROCESSED_KEEP_LEASES * leaseMs, 120_000L));
        IdempotencyKeys keys = new IdempotencyKeys(hz, clock, leaseMs, config.idempotencyTtlS() * 1000L);
        EventSignatures signatures = live.ingestionEnabled()
                ? new EventSignatures(live.signingKeys(), live.signatureToleranceS(), clock) : null;
        if (signatures == null) {
            LOG.warn("event ingestion is off: ORE_EVENTS_HMAC_SECRET is not set (POST /events answers 503)");
        } else {
            LOG.info("event ingestion on ({} signing key(s))", live.signingKeys().size());
        }
        this.routes = new LiveOpsRoutes(service, keys, signatures, clock, live.signatureToleranceS(),
                config.maxBodyBytes(), meters);
        this.rewards = new RewardRoutes(live.receiptHmacSecret() == null ? null
                : new RewardReceipts(hz, clock, live.receiptHmacSecret()),
                new SignedRequests(signatures, config.maxBodyBytes()));
        this.leaderboards = new LeaderboardRoutes(new LeaderboardService(hz, clock, live));
    }

    @Override
    public void routes(RoutesConfig routes) {
        this.routes.routes(routes);
        this.rewards.routes(routes);
        this.leaderboards.routes(routes);
    }

    /** @return the grid-side operations (tests, other transports) */
    public LiveOpsService service() {
        return service;
    }
}
