package io.oregrid.grid.support;

import java.util.Arrays;

/**
 * Where one key's items lie in a batch processor's key array sorted ascending ({@link String#compareTo}):
 * a multi-key operation runs the same processor on every key's partition, and each finds its own
 * items by binary search instead of a scan of the whole batch.
 */
public final class SortedKeys {
    private SortedKeys() {
    }

    /** @return the index of the first item of {@code key} in {@code sorted}, or {@code sorted.length} when it has none */
    public static int from(String[] sorted, String key) {
        int at = Arrays.binarySearch(sorted, key);
        if (at < 0) {
            return sorted.length;
        }
        while (at > 0 && sorted[at - 1].equals(key)) {
            at--;
        }
        return at;
    }

    /** @return whether {@code keys} is sorted ascending (duplicates allowed) */
    public static boolean sorted(String[] keys) {
        for (int i = 1; i < keys.length; i++) {
            if (keys[i - 1].compareTo(keys[i]) > 0) {
                return false;
            }
        }
        return true;
    }
}
