package io.oregrid.grid.cell;

import com.hazelcast.map.EntryProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a player's accepted fix as their presence in the cell it lies in, and drops presence older
 * than the staleness limit (SPEC "Location": nearby players are those seen in the last 5 minutes).
 * Runs off the request thread (the location update does not wait for it). Deterministic (node time
 * and fix are arguments) and idempotent: a re-run, or a late call with an older fix, finds the
 * presence already at this fix or newer and changes nothing of it.
 *
 * @param playerId    the player
 * @param username    their display name
 * @param lat         fix latitude, degrees
 * @param lng         fix longitude, degrees
 * @param timestampMs fix time, epoch ms
 * @param nowMs       node clock, epoch ms
 * @param staleMs     presence older than {@code nowMs - staleMs} is dropped, ms
 */
public record EnterCellProcessor(String playerId, String username, double lat, double lng, long timestampMs,
                                 long nowMs, long staleMs)
        implements EntryProcessor<String, CellPresence, PresenceChange> {
    private static final String[] NONE = new String[0];

    @Override
    public PresenceChange process(Map.Entry<String, CellPresence> entry) {
        Presence[] before = entry.getValue() == null ? new Presence[0] : entry.getValue().present();
        List<Presence> present = new ArrayList<>(before.length + 1);
        List<String> dropped = null;
        boolean placed = true;
        boolean found = false;
        for (Presence p : before) {
            if (p.playerId().equals(playerId)) {
                found = true;
                if (p.timestampMs() >= timestampMs) {
                    placed = false;
                    present.add(p);
                } else {
                    present.add(new Presence(playerId, username, lat, lng, timestampMs));
                }
            } else if (p.timestampMs() >= nowMs - staleMs) {
                present.add(p);
            } else {
                if (dropped == null) {
                    dropped = new ArrayList<>();
                }
                dropped.add(p.playerId());
            }
        }
        if (!found) {
            present.add(new Presence(playerId, username, lat, lng, timestampMs));
        }
        if (placed || dropped != null) {
            entry.setValue(new CellPresence(entry.getKey(), present.toArray(Presence[]::new)));
        }
        return new PresenceChange(placed, dropped == null ? NONE : dropped.toArray(String[]::new));
    }
}
