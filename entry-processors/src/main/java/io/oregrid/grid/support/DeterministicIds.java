package io.oregrid.grid.support;

import com.google.common.geometry.S2CellId;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identifiers derived from their inputs, so a processor re-run on a backup replica (or after a
 * cell is rebuilt) produces the same id.
 *
 * <p>Coin ids are UUIDv8 (RFC 9562 §5.8, vendor-specific layout): the top 48 bits are the top 48
 * bits of the coin's S2 cell id (exact for levels ≤ 22), so a coin id routes to its cell's
 * partition without an index; the remaining 74 free bits hold a 64-bit hash of (cell, spawn
 * epoch, index) — unique per coin as long as (epoch, index) never repeat within a cell.
 */
public final class DeterministicIds {

    private DeterministicIds() {
    }

    /**
     * @param cellToken S2 token of the coin's cell (level ≤ 22)
     * @param epoch     spawn epoch
     * @param index     spawn index within the epoch
     * @return the coin's id, a UUIDv8 string
     */
    public static String coinId(String cellToken, long epoch, int index) {
        long cell = S2CellId.fromToken(cellToken).id();
        long hash = hash64(cellToken + '/' + epoch + '/' + index);
        long msb = (cell & 0xFFFF_FFFF_FFFF_0000L)          // 48 bits of cell id
                | 0x8000L                                    // version 8
                | (hash >>> 52);                             // 12 bits of hash
        long lsb = 0x8000_0000_0000_0000L | (hash & 0x3FFF_FFFF_FFFF_FFFFL); // variant 10 + 62 bits
        return new UUID(msb, lsb).toString();
    }

    /**
     * The cell token a coin id points at, at {@code level}.
     *
     * @return the token, or null when {@code coinId} is not a coin id of this layout
     */
    public static String cellTokenOfCoin(String coinId, int level) {
        UUID uuid;
        try {
            uuid = UUID.fromString(coinId);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (uuid.version() != 8 || !coinId.equalsIgnoreCase(uuid.toString())) {
            return null;
        }
        S2CellId id = new S2CellId(uuid.getMostSignificantBits() & 0xFFFF_FFFF_FFFF_0000L);
        if (!id.isValid() || id.level() < level) {
            return null;
        }
        return id.parent(level).toToken();
    }

    /** A 64-bit FNV-1a hash finished with SplitMix64's mixer: stable across JVMs and versions. */
    public static long hash64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** SplitMix64 finaliser (Steele, Lea, Flood 2014). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
