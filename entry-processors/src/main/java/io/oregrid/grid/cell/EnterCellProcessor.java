package io.oregrid.grid.cell;

import com.hazelcast.map.EntryProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records a player's accepted fix in the cell it lies in and tops the cell's coins up to the
 * configured density (SPEC "Coins": deterministic spawning per S2 cell around players).
 *
 * <p>Also drops presence older than the staleness limit and coins that expired without a pending
 * claim. Deterministic (node time and fix are arguments) and idempotent: a re-run finds the
 * presence already at this fix and the coins already spawned, and changes nothing.
 *
 * @param playerId    the player
 * @param username    their display name
 * @param lat         fix latitude, degrees
 * @param lng         fix longitude, degrees
 * @param timestampMs fix time, epoch ms
 * @param nowMs       node clock, epoch ms
 * @param rules       spawn rules
 */
public record EnterCellProcessor(String playerId, String username, double lat, double lng, long timestampMs,
                                 long nowMs, CoinSpawnRules rules)
        implements EntryProcessor<String, CellState, SpawnResult> {

    /** @return the coins this call spawned (none on a re-run) */
    @Override
    public SpawnResult process(Map.Entry<String, CellState> entry) {
        CellState state = entry.getValue() == null ? CellState.empty(entry.getKey()) : entry.getValue();

        List<Presence> present = new ArrayList<>();
        boolean placed = false;
        for (Presence p : state.present()) {
            if (p.playerId().equals(playerId)) {
                present.add(p.timestampMs() >= timestampMs ? p : new Presence(playerId, username, lat, lng, timestampMs));
                placed = true;
            } else if (p.timestampMs() >= nowMs - rules.staleMs()) {
                present.add(p);
            }
        }
        if (!placed) {
            present.add(new Presence(playerId, username, lat, lng, timestampMs));
        }

        List<Coin> coins = new ArrayList<>();
        int live = 0;
        for (Coin c : state.coins()) {
            if (c.claim() == ClaimState.PENDING || nowMs < c.expiresAtMs()) {
                coins.add(c);
                if (c.isLive(nowMs)) {
                    live++;
                }
            }
        }
        long epoch = rules.epochOf(nowMs);
        int index = epoch == state.spawnEpoch() ? state.spawnedInEpoch() : 0;
        List<Coin> spawned = new ArrayList<>();
        while (live < rules.density() && index < rules.maxSpawnsPerEpoch()) {
            Coin coin = CoinSpawner.spawn(entry.getKey(), epoch, index++, nowMs, rules);
            coins.add(coin);
            spawned.add(coin);
            live++;
        }
        entry.setValue(new CellState(entry.getKey(), coins.toArray(Coin[]::new), present.toArray(Presence[]::new),
                epoch, index));
        return new SpawnResult(spawned.toArray(Coin[]::new));
    }
}
