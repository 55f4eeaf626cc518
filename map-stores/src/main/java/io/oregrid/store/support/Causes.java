package io.oregrid.store.support;

import java.util.function.Predicate;

/** Walks a failure's cause chain (Hazelcast and {@code CompletableFuture} wrap what a store threw). */
public final class Causes {
    private Causes() {
    }

    /** @return the first of {@code t} and its causes that is a {@code type}, or null */
    public static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    /** @return whether {@code t} or one of its causes matches {@code test} */
    public static boolean any(Throwable t, Predicate<Throwable> test) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (test.test(c)) {
                return true;
            }
        }
        return false;
    }
}
