package io.oregrid.node.game;

import io.oregrid.grid.GridMaps;
import io.oregrid.grid.cell.CellClaims;
import io.oregrid.grid.cell.ClaimCoinProcessor;
import io.oregrid.grid.cell.ClaimResult;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.cell.CoinClaim;
import io.oregrid.grid.cell.MarkCreditedProcessor;
import io.oregrid.grid.cell.ReleaseClaimProcessor;
import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.motion.OpenRequestProcessor;
import io.oregrid.grid.motion.PlayerMotion;
import io.oregrid.grid.motion.RequestGate;
import io.oregrid.grid.outcome.GridOutcome;
import io.oregrid.grid.outcome.OutcomeKey;
import io.oregrid.grid.outcome.OutcomeType;
import io.oregrid.grid.outcome.RecordOutcomeProcessor;
import io.oregrid.grid.player.CollectRecord;
import io.oregrid.grid.player.CreditCoinProcessor;
import io.oregrid.grid.player.CreditResult;
import io.oregrid.grid.player.PlayerState;
import io.oregrid.grid.support.DeterministicIds;
import io.oregrid.grid.support.GameClock;
import io.oregrid.grid.support.Geo;
import io.oregrid.node.grid.GridGateway;
import io.oregrid.node.grid.GridMap;
import io.oregrid.node.realtime.WorldFeed;
import io.oregrid.store.player.CollectionConflictException;
import io.oregrid.store.support.Causes;
import io.oregrid.store.support.StoreException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

/**
 * Coins around players and their collection (SPEC "Game"; ARCHITECTURE "an action that spans two
 * partitions"). Coins are derived ({@link CoinTemplates}); what is stored is the claims, per cell.
 * A collect waits for at most three partition operations: the per-user request token with the
 * player's position ({@link OpenRequestProcessor}), the claim in the coin's cell
 * ({@link ClaimCoinProcessor}), the credit in the player's partition
 * ({@link CreditCoinProcessor}) — or, when the claim is refused, the player's credited keys (a replay
 * of a key whose claim is gone). Closing the claim ({@link MarkCreditedProcessor}) and publishing the
 * outcome follow detached. A coin is credited to at most one player, a retried request is never
 * credited twice, and a claim whose credit was cut off is finished by a retry or by {@link ClaimSweeper}.
 */
public final class CoinService {
    private final GridMap<String, PlayerMotion> motion;
    private final GridMap<String, CellClaims> claims;
    private final GridMap<String, PlayerState> players;
    private final GridMap<OutcomeKey, GridOutcome> outcomes;
    private final LocationService location;
    private final CoinTemplates coins;
    private final WorldFeed feed;
    private final GameRules rules;
    private final GameClock clock;

    /**
     * @param grid     the gateway every call goes through
     * @param location players' positions
     * @param coins    this node's derived coins
     * @param feed     where claims are published for the rooms
     */
    public CoinService(GridGateway grid, LocationService location, CoinTemplates coins, WorldFeed feed, GameRules rules,
                       GameClock clock) {
        this.motion = grid.map(GridMaps.PLAYER_MOTION);
        this.claims = grid.map(GridMaps.COIN_CLAIMS);
        this.players = grid.map(GridMaps.PLAYERS);
        this.outcomes = grid.map(GridMaps.OUTCOMES);
        this.location = location;
        this.coins = coins;
        this.feed = feed;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Live coins within {@code radiusM} of the player's last accepted position, nearest first: the
     * covering cells' claims in one call, their coins derived.
     *
     * @throws NoPositionException before the player's first accepted fix
     */
    public List<NearbyCoin> nearby(String playerId, double radiusM) {
        Fix at = position(playerId);
        long now = clock.nowMs();
        List<String> tokens = Geo.coveringTokens(at.lat(), at.lng(), radiusM, rules.cellLevel());
        Map<String, CellClaims> found = claims.getAll(new HashSet<>(tokens));
        List<NearbyCoin> near = new ArrayList<>();
        for (String token : tokens) {
            for (Coin c : coins.live(token, found.get(token), now)) {
                double d = Geo.distanceM(at.lat(), at.lng(), c.lat(), c.lng());
                if (d <= radiusM) {
                    near.add(new NearbyCoin(c, d));
                }
            }
        }
        near.sort(Comparator.comparingDouble(NearbyCoin::distanceM));
        return near;
    }

    /**
     * Collects a coin for a player, idempotently by {@code key}; returns at once.
     *
     * @param playerId   the caller
     * @param coinId     the coin (its id routes to its cell)
     * @param key        the caller's Idempotency-Key (1–64 chars, validated by the caller)
     * @param multiplier the caller's bonus multiplier (token claim {@code bonus_multiplier})
     * @param rangeM     the caller's collect range, metres (token claim {@code auto_collect_range})
     * @param requestsPerMinute the caller's per-user request limit, taken here; 0 when the transport does not count it
     * @return the outcome, completing on the gateway's continuation executor (every stage of the chain does); exceptionally with a
     *         {@link NoPositionException} before the player's first accepted fix, or with the store's failure
     *         (PostgreSQL down: the claim stays pending for this caller and key)
     */
    public CompletionStage<CollectOutcome> collect(String playerId, String coinId, String key, double multiplier,
                                                   double rangeM, int requestsPerMinute) {
        long now = clock.nowMs();
        return motion.submit(playerId, new OpenRequestProcessor(now, requestsPerMinute, 0)).thenCompose(gate -> {
            if (!gate.open()) {
                return done(new CollectOutcome(CollectOutcome.Status.RATE_LIMITED, null, Double.NaN, gate.retryAfterMs()));
            }
            String cell = DeterministicIds.cellTokenOfCoin(coinId, rules.cellLevel());
            if (cell == null) {
                return done(CollectOutcome.of(CollectOutcome.Status.NOT_FOUND));
            }
            Fix at = gate.position();
            if (at == null) {
                throw new NoPositionException();
            }
            Coin coin = coins.find(cell, coinId, now);
            return claims.submit(cell, new ClaimCoinProcessor(coinId, coin, playerId, key, at.lat(), at.lng(), rangeM,
                    multiplier, now, rules.spawn().density()))
                    .thenCompose(claim -> claimed(cell, coinId, coin, playerId, key, claim));
        });
    }

    /** After the claim: the credit, or (refused) a replay of the key if its claim is gone. */
    private CompletionStage<CollectOutcome> claimed(String cell, String coinId, Coin coin, String playerId, String key,
                                                    ClaimResult claim) {
        if (claim.outcome() == ClaimResult.Outcome.CLAIMED) {
            Coin[] appeared = claim.appearedIndex() < 0 ? new Coin[0]
                    : new Coin[]{coins.of(cell, coin.epoch())[claim.appearedIndex()]};
            feed.collected(cell, coinId, playerId, appeared);
        }
        if (claim.proceedToCredit()) {
            return credit(cell, claim.claim());
        }
        return players.getAsync(playerId).thenApply(player -> {
            CollectRecord earlier = player == null ? null : player.collectByKey(key);
            if (earlier != null) {
                return earlier.coinId().equals(coinId)
                        ? new CollectOutcome(CollectOutcome.Status.REPLAYED, earlier, Double.NaN)
                        : CollectOutcome.of(CollectOutcome.Status.KEY_REUSED);
            }
            return switch (claim.outcome()) {
                case ALREADY_COLLECTED -> CollectOutcome.of(CollectOutcome.Status.ALREADY_COLLECTED);
                case EXPIRED -> CollectOutcome.of(CollectOutcome.Status.EXPIRED);
                case OUT_OF_RANGE -> new CollectOutcome(CollectOutcome.Status.OUT_OF_RANGE, null, claim.distanceM());
                default -> CollectOutcome.of(CollectOutcome.Status.NOT_FOUND);
            };
        });
    }

    /**
     * Finishes a claim: credits the claimer (idempotent by the claim's key, waited for), then marks the
     * claim credited in the cell (detached); releases it if the key turned out to belong to another coin.
     * Shared by {@link #collect} and {@link ClaimSweeper}.
     */
    CompletionStage<CollectOutcome> credit(String cell, CoinClaim claimed) {
        return players.submit(claimed.playerId(), new CreditCoinProcessor(claimed.key(), claimed.coinId(),
                        claimed.credit(), clock.nowMs(), rules.idempotencyKeepMs()))
                .handle((credit, failure) -> failure != null ? refusedByDatabase(cell, claimed, failure)
                        : done(credited(cell, claimed, credit)))
                .thenCompose(stage -> stage);
    }

    private CollectOutcome credited(String cell, CoinClaim claimed, CreditResult credit) {
        if (credit.outcome() == CreditResult.Outcome.KEY_REUSED) {
            claims.detach(cell, new ReleaseClaimProcessor(claimed.coinId(), claimed.playerId(), claimed.key()));
            return CollectOutcome.of(CollectOutcome.Status.KEY_REUSED);
        }
        claims.detach(cell, new MarkCreditedProcessor(claimed.coinId(), claimed.key()));
        CollectRecord record = credit.record();
        GridOutcome outcome = new GridOutcome(GridOutcome.collectId(claimed.coinId()), OutcomeType.COLLECT,
                claimed.playerId(), cell, Double.NaN, Double.NaN, record.credited(), record.creditedAtMs());
        outcomes.detach(outcome.key(), new RecordOutcomeProcessor(outcome));
        return new CollectOutcome(credit.outcome() == CreditResult.Outcome.CREDITED
                ? CollectOutcome.Status.CREDITED : CollectOutcome.Status.REPLAYED, record, Double.NaN);
    }

    /**
     * A credit PostgreSQL refused. A {@link CollectionConflictException} is the database's guard
     * against a double credit the grid no longer knew about (after a full restart the claims are gone
     * and a cell derives the coins of the current epoch again, collected ones included): the coin is
     * marked done in the cell and the answer is 409 (coin) or 422 (key). Anything else — PostgreSQL
     * down, or the member's ledger queue full ({@link RejectedExecutionException}, reported as a
     * {@link StoreException}) — fails the stage (503); the claim stays pending for this caller and key,
     * so a retry with the same key or the sweep completes it.
     */
    private CompletionStage<CollectOutcome> refusedByDatabase(String cell, CoinClaim claimed, Throwable e) {
        CollectionConflictException conflict = CollectionConflictException.in(e);
        if (conflict == null) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            return CompletableFuture.failedFuture(Causes.find(cause, RejectedExecutionException.class) != null
                    ? new StoreException("the collections ledger is saturated", cause) : cause);
        }
        if (conflict.kind() == CollectionConflictException.Kind.KEY) {
            return claims.submit(cell, new ReleaseClaimProcessor(claimed.coinId(), claimed.playerId(), claimed.key()))
                    .thenApply(released -> CollectOutcome.of(CollectOutcome.Status.KEY_REUSED));
        }
        return claims.submit(cell, new MarkCreditedProcessor(claimed.coinId(), claimed.key()))
                .thenApply(marked -> CollectOutcome.of(CollectOutcome.Status.ALREADY_COLLECTED));
    }

    private static CompletionStage<CollectOutcome> done(CollectOutcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }

    /** @return the player's economy state (an empty one before their first credit) */
    public PlayerState inventory(String playerId) {
        PlayerState state = players.get(playerId);
        return state == null ? PlayerState.initial(playerId) : state;
    }

    private Fix position(String playerId) {
        Fix at = location.lastFix(playerId);
        if (at == null) {
            throw new NoPositionException();
        }
        return at;
    }
}
