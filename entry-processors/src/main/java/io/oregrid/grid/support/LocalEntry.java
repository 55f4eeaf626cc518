package io.oregrid.grid.support;

import java.util.Map;

/**
 * A map entry held in memory, for applying several single-entry processors to one value in one
 * partition operation (the batch processors): each sees the value the previous one left, and the
 * grid entry is written once at the end, only when something changed.
 *
 * @param <K> key
 * @param <V> value (null: absent)
 */
public final class LocalEntry<K, V> implements Map.Entry<K, V> {
    private final K key;
    private V value;
    private boolean changed;

    /** @param value the grid entry's current value, or null */
    public LocalEntry(K key, V value) {
        this.key = key;
        this.value = value;
    }

    @Override
    public K getKey() {
        return key;
    }

    @Override
    public V getValue() {
        return value;
    }

    /** Records {@code value} (null removes) and marks the entry changed. */
    @Override
    public V setValue(V value) {
        V old = this.value;
        this.value = value;
        this.changed = true;
        return old;
    }

    /** @return whether any processor set the value */
    public boolean changed() {
        return changed;
    }

    /** Writes the value back to {@code target} when a processor changed it. */
    public void writeTo(Map.Entry<K, V> target) {
        if (changed) {
            target.setValue(value);
        }
    }
}
