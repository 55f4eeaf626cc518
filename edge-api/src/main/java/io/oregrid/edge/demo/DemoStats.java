package io.oregrid.edge.demo;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The demo's counters, updated concurrently by every player; {@link #summary} freezes them. */
final class DemoStats {
    private final AtomicInteger players = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final LongAdder fixesSent = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder collected = new LongAdder();
    private final LongAdder valueCollected = new LongAdder();
    private final Map<String, LongAdder> refusedByReason = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rateLimitedByCode = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errorsByCode = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> collectRefusedByCode = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> otherErrors = new ConcurrentHashMap<>();
    private final Set<String> coinsSeen = ConcurrentHashMap.newKeySet();
    /** Node-time milliseconds from a fix's due time to its sending. */
    private final Histogram sendDelayMs = new ConcurrentHistogram(3);

    void playerRegistered() {
        players.incrementAndGet();
    }

    void playerFinished() {
        finished.incrementAndGet();
    }

    /** @param delayNodeMs how late the fix leaves after its due time, milliseconds of node time */
    void fixSent(long delayNodeMs) {
        fixesSent.increment();
        sendDelayMs.recordValue(Math.max(0, delayNodeMs));
    }

    void fixAccepted() {
        accepted.increment();
    }

    void fixRefused(String reason) {
        count(refusedByReason, reason);
    }

    void fixRateLimited(String code) {
        count(rateLimitedByCode, code);
    }

    void fixFailed(String code) {
        count(errorsByCode, code);
    }

    void coinSeen(String coinId) {
        coinsSeen.add(coinId);
    }

    void coinCollected(long value) {
        collected.increment();
        valueCollected.add(value);
    }

    void collectRefused(String code) {
        count(collectRefusedByCode, code);
    }

    void callFailed(DemoEndpoint endpoint, String code) {
        count(otherErrors, endpoint.label() + " " + code);
    }

    int players() {
        return players.get();
    }

    /** @return players registered and not yet done with their trip */
    int activePlayers() {
        return players.get() - finished.get();
    }

    long fixesSent() {
        return fixesSent.sum();
    }

    long accepted() {
        return accepted.sum();
    }

    long collected() {
        return collected.sum();
    }

    /** Freezes the counters with the latencies measured and the run's real duration. */
    DemoSummary summary(EndpointLatencies latencies, long elapsedMs, boolean completed) {
        return new DemoSummary(players.get(), fixesSent.sum(), accepted.sum(), frozen(refusedByReason),
                frozen(rateLimitedByCode), frozen(errorsByCode), coinsSeen.size(), collected.sum(), valueCollected.sum(),
                frozen(collectRefusedByCode), frozen(otherErrors), DemoSummary.Timing.of(sendDelayMs, 1.0),
                latencies.snapshot(), elapsedMs, completed);
    }

    private static void count(Map<String, LongAdder> counts, String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static Map<String, Long> frozen(Map<String, LongAdder> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
