package io.oregrid.grid.cell;

import java.util.ArrayList;
import java.util.List;

/**
 * The claims on one cell's coins, value of the {@code coin-claims} map (key: the cell token, the same
 * partition as the cell's presence). Small: claims of unexpired coins and pending ones only. A collect
 * rewrites this entry, never a cell's coins (there are none stored: {@link CoinField}).
 *
 * <p>{@code oldestPendingAtMs} is indexed, so the claim sweep finds cells with cut-off credits by an
 * index query instead of reading every cell (ARCHITECTURE "sweeps walk an index of pending work").
 *
 * @param token             S2 cell token (map key)
 * @param claims            the claims, in the order they were made
 * @param oldestPendingAtMs claim time of the oldest pending claim, epoch ms; {@link Long#MAX_VALUE} when none
 */
public record CellClaims(String token, CoinClaim[] claims, long oldestPendingAtMs) {

    /** @return the claims of {@code token}, with {@code oldestPendingAtMs} derived from them */
    public static CellClaims of(String token, List<CoinClaim> claims) {
        long oldest = Long.MAX_VALUE;
        for (CoinClaim c : claims) {
            if (c.state() == ClaimState.PENDING) {
                oldest = Math.min(oldest, c.claimedAtMs());
            }
        }
        return new CellClaims(token, claims.toArray(CoinClaim[]::new), oldest);
    }

    /** @return the claim on {@code coinId}, or null */
    public CoinClaim claimOf(String coinId) {
        for (CoinClaim c : claims) {
            if (c.coinId().equals(coinId)) {
                return c;
            }
        }
        return null;
    }

    /** @return a copy in which {@code claim} replaces the claim on its coin (or is added) */
    public CellClaims with(CoinClaim claim) {
        List<CoinClaim> next = new ArrayList<>(claims.length + 1);
        boolean replaced = false;
        for (CoinClaim c : claims) {
            if (c.coinId().equals(claim.coinId())) {
                next.add(claim);
                replaced = true;
            } else {
                next.add(c);
            }
        }
        if (!replaced) {
            next.add(claim);
        }
        return of(token, next);
    }

    /** @return a copy without the claim on {@code coinId} */
    public CellClaims without(String coinId) {
        List<CoinClaim> next = new ArrayList<>(claims.length);
        for (CoinClaim c : claims) {
            if (!c.coinId().equals(coinId)) {
                next.add(c);
            }
        }
        return of(token, next);
    }

    /** @return a copy without the credited claims of coins expired at {@code nowMs} (pending ones stay) */
    public CellClaims pruned(long nowMs) {
        List<CoinClaim> next = new ArrayList<>(claims.length);
        for (CoinClaim c : claims) {
            if (c.state() == ClaimState.PENDING || nowMs < c.expiresAtMs()) {
                next.add(c);
            }
        }
        return next.size() == claims.length ? this : of(token, next);
    }
}
