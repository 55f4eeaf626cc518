package io.oregrid.node.liveops;

import io.oregrid.grid.liveops.FairnessRules;
import io.oregrid.grid.liveops.RewardTable;
import io.oregrid.node.config.ConfigException;
import io.oregrid.node.config.ConfigSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * LiveOps configuration (SPEC capabilities 6–9), part of the node's one configuration: keys as in
 * {@link ConfigSource} ({@code ORE_EVENTS_HMAC_SECRET} etc.), validated at start; a bad value stops
 * the node naming the variable. Secrets are never printed ({@link #toString()}).
 *
 * @param eventsHmacSecret         {@code ORE_EVENTS_HMAC_SECRET}: key of {@code /events} and {@code /rewards/*}
 *                                 signatures (UTF-8, at least 32 bytes); null = ingestion off (503)
 * @param eventsHmacSecretPrevious {@code ORE_EVENTS_HMAC_SECRET_PREVIOUS}: also accepted while rotating, or null
 * @param signatureToleranceS      how far a signature's {@code t} may be from the node clock, seconds (SPEC: 300)
 * @param idempotencyLeaseS        how long an in-flight Idempotency-Key blocks duplicates (409) before a
 *                                 retry may take it over, seconds
 * @param maxEventsPerSecond       events per player in any sliding second before they are dropped (429)
 * @param zThreshold               z-score above which a progression event is flagged
 * @param minSamples               accepted progression events before z-scores are judged
 * @param minStdXp                 floor of the standard deviation in the z-score, XP
 * @param blockAfterFlags          flags at which a player is blocked (403 until unblocked)
 * @param receiptHmacSecret        {@code ORE_RECEIPT_HMAC_SECRET}: key of reward receipts (UTF-8, ≥ 32 bytes); null = claims off (503)
 * @param levelUpCoinsPerLevel     reaching level L grants {@code L ×} this many coins
 * @param bossKillPoints           leaderboard points of a boss kill
 * @param dropPoints               leaderboard points of a drop: common, rare, epic, legendary
 * @param seasonStart              first day of season 1, UTC ({@code ORE_SEASON_START}, ISO date)
 * @param seasonLengthDays         season length, days (SPEC: 90)
 * @param snapshotIntervalS        how often leaderboards are snapshotted to PostgreSQL, seconds
 * @param leaderboardMaxAgeMs      how long a node serves a current window's ranking before ranking it
 *                                 again, ms; a read sees scores at most twice this old; 0 = rank on every read
 * @param journalCapacity          event-journal capacity of the event stream, events (whole map)
 * @param kafkaBootstrap           {@code ORE_KAFKA_BOOTSTRAP}: Kafka bootstrap servers, or null for none
 */
public record LiveOpsConfig(String eventsHmacSecret, String eventsHmacSecretPrevious, int signatureToleranceS,
                            int idempotencyLeaseS, int maxEventsPerSecond, double zThreshold, int minSamples,
                            double minStdXp, int blockAfterFlags, String receiptHmacSecret,
                            long levelUpCoinsPerLevel, long bossKillPoints, long[] dropPoints,
                            LocalDate seasonStart, int seasonLengthDays, int snapshotIntervalS,
                            long leaderboardMaxAgeMs, int journalCapacity, String kafkaBootstrap) {

    /** Smallest secret, bytes (SPEC). */
    public static final int MIN_SECRET_BYTES = 32;

    public LiveOpsConfig {
        dropPoints = dropPoints.clone();
        requireSecret("EVENTS_HMAC_SECRET", eventsHmacSecret);
        requireSecret("EVENTS_HMAC_SECRET_PREVIOUS", eventsHmacSecretPrevious);
        requireSecret("RECEIPT_HMAC_SECRET", receiptHmacSecret);
        if (eventsHmacSecretPrevious != null && eventsHmacSecret == null) {
            throw new ConfigException("ORE_EVENTS_HMAC_SECRET_PREVIOUS is set without ORE_EVENTS_HMAC_SECRET");
        }
    }

    private static void requireSecret(String key, String value) {
        if (value != null && value.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new ConfigException(ConfigSource.ENV_PREFIX + key + " must be at least " + MIN_SECRET_BYTES
                    + " bytes (UTF-8); it has " + value.getBytes(StandardCharsets.UTF_8).length
                    + ": event ingestion refuses to start with it");
        }
    }

    /**
     * Reads and validates the LiveOps keys.
     *
     * @throws ConfigException naming the first bad key
     */
    public static LiveOpsConfig from(ConfigSource s) {
        Values v = new Values(s);
        return new LiveOpsConfig(
                s.get("EVENTS_HMAC_SECRET"), s.get("EVENTS_HMAC_SECRET_PREVIOUS"),
                (int) v.num("EVENTS_SIGNATURE_TOLERANCE_S", 300, 1, 3600),
                (int) v.num("EVENTS_IDEMPOTENCY_LEASE_S", 30, 1, 3600),
                (int) v.num("EVENTS_MAX_PER_SECOND", 10, 1, 100_000),
                v.num("FAIRNESS_Z_THRESHOLD", 3.0, 0.5, 1000),
                (int) v.num("FAIRNESS_MIN_SAMPLES", 10, 2, 1_000_000),
                v.num("FAIRNESS_MIN_STDDEV_XP", 1.0, 0.001, 1e9),
                (int) v.num("FAIRNESS_BLOCK_AFTER_FLAGS", 3, 1, 1000),
                s.get("RECEIPT_HMAC_SECRET"),
                (long) v.num("REWARD_LEVEL_UP_COINS_PER_LEVEL", 50, 0, 1e9),
                (long) v.num("LEADERBOARD_BOSS_KILL_POINTS", 500, 0, 1e9),
                new long[]{(long) v.num("LEADERBOARD_DROP_POINTS_COMMON", 10, 0, 1e9),
                        (long) v.num("LEADERBOARD_DROP_POINTS_RARE", 50, 0, 1e9),
                        (long) v.num("LEADERBOARD_DROP_POINTS_EPIC", 200, 0, 1e9),
                        (long) v.num("LEADERBOARD_DROP_POINTS_LEGENDARY", 1000, 0, 1e9)},
                v.date("SEASON_START", LocalDate.of(2025, 1, 1)),
                (int) v.num("SEASON_LENGTH_DAYS", 90, 1, 3660),
                (int) v.num("LEADERBOARD_SNAPSHOT_INTERVAL_S", 300, 1, 86_400),
                (long) v.num("LEADERBOARD_MAX_AGE_MS", 1_000, 0, 60_000),
                (int) v.num("EVENTS_JOURNAL_CAPACITY", 1_000_000, 10_000, 100_000_000),
                s.get("KAFKA_BOOTSTRAP"));
    }

    /** @return whether {@code POST /events} can verify signatures */
    public boolean ingestionEnabled() {
        return eventsHmacSecret != null;
    }

    /** @return the accepted signing keys as bytes, current first */
    public List<byte[]> signingKeys() {
        List<byte[]> keys = new ArrayList<>();
        if (eventsHmacSecret != null) {
            keys.add(eventsHmacSecret.getBytes(StandardCharsets.UTF_8));
        }
        if (eventsHmacSecretPrevious != null) {
            keys.add(eventsHmacSecretPrevious.getBytes(StandardCharsets.UTF_8));
        }
        return keys;
    }

    /** @return the fairness numbers; processed event ids are remembered for {@code keepProcessedMs} */
    public FairnessRules fairness(long keepProcessedMs) {
        return new FairnessRules(maxEventsPerSecond, zThreshold, minSamples, minStdXp, blockAfterFlags, keepProcessedMs);
    }

    /** @return the reward table */
    public RewardTable rewards() {
        return new RewardTable(levelUpCoinsPerLevel, bossKillPoints, dropPoints[0], dropPoints[1], dropPoints[2],
                dropPoints[3]);
    }

    @Override
    public long[] dropPoints() {
        return dropPoints.clone();
    }

    /** The keys and values this configuration was read from (for {@code OreConfig.with}). */
    public Map<String, String> asMap() {
        Map<String, String> m = new HashMap<>();
        if (eventsHmacSecret != null) { m.put("EVENTS_HMAC_SECRET", eventsHmacSecret); }
        if (eventsHmacSecretPrevious != null) { m.put("EVENTS_HMAC_SECRET_PREVIOUS", eventsHmacSecretPrevious); }
        if (receiptHmacSecret != null) { m.put("RECEIPT_HMAC_SECRET", receiptHmacSecret); }
        if (kafkaBootstrap != null) { m.put("KAFKA_BOOTSTRAP", kafkaBootstrap); }
        m.put("EVENTS_SIGNATURE_TOLERANCE_S", "" + signatureToleranceS);
        m.put("EVENTS_IDEMPOTENCY_LEASE_S", "" + idempotencyLeaseS);
        m.put("EVENTS_MAX_PER_SECOND", "" + maxEventsPerSecond);
        m.put("FAIRNESS_Z_THRESHOLD", "" + zThreshold); m.put("FAIRNESS_MIN_SAMPLES", "" + minSamples);
        m.put("FAIRNESS_MIN_STDDEV_XP", "" + minStdXp); m.put("FAIRNESS_BLOCK_AFTER_FLAGS", "" + blockAfterFlags);
        m.put("REWARD_LEVEL_UP_COINS_PER_LEVEL", "" + levelUpCoinsPerLevel);
        m.put("LEADERBOARD_BOSS_KILL_POINTS", "" + bossKillPoints);
        m.put("LEADERBOARD_DROP_POINTS_COMMON", "" + dropPoints[0]); m.put("LEADERBOARD_DROP_POINTS_RARE", "" + dropPoints[1]);
        m.put("LEADERBOARD_DROP_POINTS_EPIC", "" + dropPoints[2]);
        m.put("LEADERBOARD_DROP_POINTS_LEGENDARY", "" + dropPoints[3]);
        m.put("SEASON_START", seasonStart.toString()); m.put("SEASON_LENGTH_DAYS", "" + seasonLengthDays);
        m.put("LEADERBOARD_SNAPSHOT_INTERVAL_S", "" + snapshotIntervalS);
        m.put("LEADERBOARD_MAX_AGE_MS", "" + leaderboardMaxAgeMs);
        m.put("EVENTS_JOURNAL_CAPACITY", "" + journalCapacity);
        return m;
    }

    /** Never prints a secret, only whether it is set. */
    @Override
    public String toString() {
        return "LiveOpsConfig[ingestion=" + (ingestionEnabled() ? "on" : "off")
                + ", rotation=" + (eventsHmacSecretPrevious != null) + ", receipts=" + (receiptHmacSecret != null)
                + ", kafka=" + (kafkaBootstrap != null) + "]";
    }

    /** Typed reads with bounds; failures name the variable. */
    private record Values(ConfigSource s) {
        double num(String key, double def, double min, double max) {
            String raw = s.get(key);
            if (raw == null) {
                return def;
            }
            double value;
            try {
                value = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                throw new ConfigException(ConfigSource.ENV_PREFIX + key + " must be a number, got '" + raw + "'");
            }
            if (!(value >= min && value <= max)) {
                throw new ConfigException(ConfigSource.ENV_PREFIX + key + " must be between " + min + " and " + max
                        + ", got " + raw);
            }
            return value;
        }

        LocalDate date(String key, LocalDate def) {
            String raw = s.get(key);
            try {
                return raw == null ? def : LocalDate.parse(raw);
            } catch (DateTimeParseException e) {
                throw new ConfigException(ConfigSource.ENV_PREFIX + key + " must be an ISO date (YYYY-MM-DD), got '" + raw + "'");
            }
        }
    }
}
