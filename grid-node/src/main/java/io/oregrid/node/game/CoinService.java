package io.oregrid.node.game;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.cell.CellState;
import io.oregrid.grid.cell.ClaimCoinProcessor;
import io.oregrid.grid.cell.ClaimResult;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.cell.MarkCreditedProcessor;
import io.oregrid.grid.cell.ReleaseClaimProcessor;
import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.player.CollectRecord;
import io.oregrid.grid.player.CreditCoinProcessor;
import io.oregrid.grid.player.CreditResult;
import io.oregrid.grid.player.PlayerState;
import io.oregrid.grid.support.DeterministicIds;
import io.oregrid.grid.support.GameClock;
import io.oregrid.grid.support.Geo;
import io.oregrid.store.player.CollectionConflictException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Coins around players and their collection (SPEC "Game"; ARCHITECTURE "an action that spans two
 * partitions"): claim in the coin's cell partition, credit in the player's partition, both keyed
 * by the caller's Idempotency-Key, so a coin is credited to at most one player, a retried request
 * is never credited twice, and a claim whose credit was cut off is finished by a retry or by
 * {@link ClaimSweeper}.
 */
public final class CoinService {
    private final IMap<String, CellState> cells;
    private final IMap<String, PlayerState> players;
    private final LocationService location;
    private final GameRules rules;
    private final GameClock clock;

    public CoinService(HazelcastInstance hz, LocationService location, GameRules rules, GameClock clock) {
        this.cells = hz.getMap(GridMaps.CELLS);
        this.players = hz.getMap(GridMaps.PLAYERS);
        this.location = location;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Live coins within {@code radiusM} of the player's last accepted position, nearest first.
     *
     * @throws NoPositionException before the player's first accepted fix
     */
    public List<NearbyCoin> nearby(String playerId, double radiusM) {
        Fix at = position(playerId);
        long now = clock.nowMs();
        List<String> tokens = Geo.coveringTokens(at.lat(), at.lng(), radiusM, rules.cellLevel());
        Map<String, CellState> found = cells.getAll(new HashSet<>(tokens));
        List<NearbyCoin> coins = new ArrayList<>();
        for (CellState cell : found.values()) {
            for (Coin c : cell.liveCoins(now)) {
                double d = Geo.distanceM(at.lat(), at.lng(), c.lat(), c.lng());
                if (d <= radiusM) {
                    coins.add(new NearbyCoin(c, d));
                }
            }
        }
        coins.sort(Comparator.comparingDouble(NearbyCoin::distanceM));
        return coins;
    }

    /**
     * Collects a coin for a player, idempotently by {@code key}.
     *
     * @param playerId   the caller
     * @param coinId     the coin (its id routes to its cell)
     * @param key        the caller's Idempotency-Key (1–64 chars, validated by the caller)
     * @param multiplier the caller's bonus multiplier (token claim {@code bonus_multiplier})
     * @param rangeM     the caller's collect range, metres (token claim {@code auto_collect_range})
     * @throws NoPositionException before the player's first accepted fix (and no earlier credit for the key)
     */
    public CollectOutcome collect(String playerId, String coinId, String key, double multiplier, double rangeM) {
        PlayerState player = players.get(playerId);
        CollectRecord earlier = player == null ? null : player.collectByKey(key);
        if (earlier != null) {
            return earlier.coinId().equals(coinId)
                    ? new CollectOutcome(CollectOutcome.Status.REPLAYED, earlier, Double.NaN)
                    : CollectOutcome.of(CollectOutcome.Status.KEY_REUSED);
        }
        String cell = DeterministicIds.cellTokenOfCoin(coinId, rules.cellLevel());
        if (cell == null) {
            return CollectOutcome.of(CollectOutcome.Status.NOT_FOUND);
        }
        Fix at = position(playerId);
        ClaimResult claim = cells.executeOnKey(cell, new ClaimCoinProcessor(coinId, playerId, key, at.lat(), at.lng(),
                rangeM, multiplier, clock.nowMs()));
        return switch (claim.outcome()) {
            case CLAIMED, CLAIMED_BY_SAME_REQUEST -> credit(cell, claim.coin());
            case ALREADY_COLLECTED -> CollectOutcome.of(CollectOutcome.Status.ALREADY_COLLECTED);
            case NOT_FOUND -> CollectOutcome.of(CollectOutcome.Status.NOT_FOUND);
            case EXPIRED -> CollectOutcome.of(CollectOutcome.Status.EXPIRED);
            case OUT_OF_RANGE -> new CollectOutcome(CollectOutcome.Status.OUT_OF_RANGE, null, claim.distanceM());
        };
    }

    /**
     * Finishes a claim: credits the claimer (idempotent by the claim's key), then marks the claim
     * credited in the cell; releases it if the key turned out to belong to another coin.
     * Shared by {@link #collect} and {@link ClaimSweeper}.
     */
    CollectOutcome credit(String cell, Coin claimed) {
        CreditResult credit;
        try {
            credit = players.executeOnKey(claimed.claimedBy(), new CreditCoinProcessor(claimed.claimKey(),
                    claimed.id(), claimed.claimCredit(), clock.nowMs(), rules.idempotencyKeepMs()));
        } catch (RuntimeException e) {
            return refusedByDatabase(cell, claimed, e);
        }
        if (credit.outcome() == CreditResult.Outcome.KEY_REUSED) {
            cells.executeOnKey(cell, new ReleaseClaimProcessor(claimed.id(), claimed.claimedBy(), claimed.claimKey()));
            return CollectOutcome.of(CollectOutcome.Status.KEY_REUSED);
        }
        cells.executeOnKey(cell, new MarkCreditedProcessor(claimed.id(), claimed.claimKey()));
        return new CollectOutcome(credit.outcome() == CreditResult.Outcome.CREDITED
                ? CollectOutcome.Status.CREDITED : CollectOutcome.Status.REPLAYED, credit.record(), Double.NaN);
    }

    /**
     * A credit PostgreSQL refused. A {@link CollectionConflictException} is the database's guard
     * against a double credit the grid no longer knew about (after a full restart a cell re-spawns
     * the coins of the current epoch with the same ids, collected ones included): the coin is marked
     * done in the cell and the answer is 409 (coin) or 422 (key). Anything else — PostgreSQL down —
     * propagates (503); the claim stays pending for this caller and key, so a retry with the same
     * key or the sweep completes it.
     */
    private CollectOutcome refusedByDatabase(String cell, Coin claimed, RuntimeException e) {
        CollectionConflictException conflict = CollectionConflictException.in(e);
        if (conflict == null) {
            throw e;
        }
        if (conflict.kind() == CollectionConflictException.Kind.KEY) {
            cells.executeOnKey(cell, new ReleaseClaimProcessor(claimed.id(), claimed.claimedBy(), claimed.claimKey()));
            return CollectOutcome.of(CollectOutcome.Status.KEY_REUSED);
        }
        cells.executeOnKey(cell, new MarkCreditedProcessor(claimed.id(), claimed.claimKey()));
        return CollectOutcome.of(CollectOutcome.Status.ALREADY_COLLECTED);
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
