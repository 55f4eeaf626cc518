package io.oregrid.node.config;

import io.oregrid.node.liveops.LiveOpsConfig;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The node's typed configuration: defaults (the SPEC's values), overlaid by an optional YAML file
 * and {@code ORE_*} environment variables, validated once at start. The README lists every key.
 *
 * @param httpHost                   interface the edge listens on
 * @param httpPort                   edge HTTP port ({@code ORE_HTTP_PORT}, 0 = any free port)
 * @param clusterName                Hazelcast cluster name
 * @param members                    TCP-IP member list ({@code host[:port]}); empty = standalone
 * @param memberPort                 first port the member tries to bind
 * @param backupCount                synchronous backups per partition
 * @param gridInMemoryFormat         how the per-player maps ({@code players}, {@code player-motion},
 *                                   {@code location-history}) hold values: {@code OBJECT} (processors run on
 *                                   the stored record, no serialization per call) or {@code BINARY} (Compact
 *                                   bytes: less heap, a deserialize and re-serialize of the whole value per call)
 * @param locationMaxUpdatesPerMinute location updates per player per minute (SPEC: 2)
 * @param rateLimitPerMinute         authenticated requests per user per minute (SPEC: 60)
 * @param genesisRateLimitPerMinute  the same for Genesis members (SPEC: 120)
 * @param authRateLimitPerMinute     {@code /auth/*} requests per client IP per minute (SPEC: 300)
 * @param loginMaxFailures           failed logins before the account is locked (SPEC: 5)
 * @param loginLockoutS              lockout length, seconds (SPEC: 60)
 * @param anticheatMaxSpeedKmh       km/h (SPEC: 150)
 * @param anticheatMaxAccelerationMs2 m/s² (SPEC: 20)
 * @param anticheatMaxAccuracyM      metres (SPEC: 100)
 * @param anticheatMaxFixAgeS        seconds (SPEC: 120)
 * @param anticheatMaxClockSkewS     seconds a fix may lie in the future (SPEC: 30)
 * @param collectRangeM              auto-collect range, metres (SPEC: 10)
 * @param genesisCollectRangeM       Genesis auto-collect range, metres (SPEC/seed: 3)
 * @param cellSizeM                  target edge of a game S2 cell, metres; the level is derived
 * @param coinDensityPerCell         live coins a cell keeps while players are in it
 * @param coinTtlS                   coin lifetime, seconds; also the spawn epoch length
 * @param coinValueBronze            value of a bronze coin
 * @param coinValueSilver            value of a silver coin
 * @param coinValueGold              value of a gold coin
 * @param coinSilverPct              share of silver coins, percent
 * @param coinGoldPct                share of gold coins, percent
 * @param idempotencyTtlS            how long an Idempotency-Key's result is kept, seconds (SPEC: 24 h)
 * @param nearbyStaleS               players whose last fix is older are not "nearby", seconds (SPEC: 300)
 * @param historyPerPlayer           accepted fixes kept per player in the grid
 * @param sweepIntervalS             how often the claim sweep runs, seconds
 * @param sweepGraceS                a pending claim older than this is finished by the sweep, seconds
 * @param accessTokenTtlS            access-token lifetime, seconds (SPEC: 24 h)
 * @param genesisAccessTokenTtlS     Genesis access-token lifetime, seconds (SPEC: 72 h)
 * @param refreshTokenTtlS           refresh-token lifetime, seconds (SPEC: 7 days)
 * @param jwtIssuer                  {@code iss} claim (SPEC: ore-auth-service)
 * @param jwtAudience                {@code aud} claim (SPEC: ore-platform)
 * @param bcryptCost                 bcrypt work factor for password hashes
 * @param adminEmail                 first admin's e-mail, or null
 * @param adminPassword              first admin's password, or null (never logged)
 * @param maxBodyBytes               request body limit, bytes (SPEC: 1 MiB)
 * @param wsAuthTimeoutS             seconds (real time) a WebSocket has to send its auth message (SPEC: 5)
 * @param wsMaxMessageBytes          largest WebSocket text message, bytes; larger closes with 1009
 * @param wsSendQueueMax             messages queued per WebSocket before it is dropped as a slow reader (4008)
 * @param wsMaxErrorsPerMinute       error replies per WebSocket per minute before it is closed (4008)
 * @param wsIdleTimeoutS             a WebSocket silent this long (real time) is closed, seconds
 * @param chatHistoryPerChannel      chat messages kept per channel in the grid
 * @param dbUrl                      PostgreSQL JDBC URL, or null to run in memory
 * @param dbUser                     PostgreSQL role, or null (never logged)
 * @param dbPassword                 PostgreSQL password, or null (never logged)
 * @param dbPoolSize                 connections in each member's pool
 * @param dbTimeoutMs                longest wait for a database connection, ms (a write then answers 503)
 * @param historyFlushIntervalS      seconds between flushes of the batched history path (write-behind delay)
 * @param liveOps                    event ingestion, fairness, progression and leaderboards ({@link LiveOpsConfig})
 * @param hotPath                    presence refresh, thread counts and background intervals ({@link HotPathConfig})
 */
public record OreConfig(
        String httpHost, int httpPort,
        String clusterName, List<String> members, int memberPort, int backupCount, String gridInMemoryFormat,
        int locationMaxUpdatesPerMinute, int rateLimitPerMinute, int genesisRateLimitPerMinute,
        int authRateLimitPerMinute, int loginMaxFailures, int loginLockoutS,
        double anticheatMaxSpeedKmh, double anticheatMaxAccelerationMs2, double anticheatMaxAccuracyM,
        int anticheatMaxFixAgeS, int anticheatMaxClockSkewS,
        double collectRangeM, double genesisCollectRangeM,
        double cellSizeM, int coinDensityPerCell, int coinTtlS,
        int coinValueBronze, int coinValueSilver, int coinValueGold, int coinSilverPct, int coinGoldPct,
        int idempotencyTtlS, int nearbyStaleS, int historyPerPlayer, int sweepIntervalS, int sweepGraceS,
        int accessTokenTtlS, int genesisAccessTokenTtlS, int refreshTokenTtlS,
        String jwtIssuer, String jwtAudience, int bcryptCost,
        String adminEmail, String adminPassword,
        long maxBodyBytes,
        int wsAuthTimeoutS, int wsMaxMessageBytes, int wsSendQueueMax, int wsMaxErrorsPerMinute, int wsIdleTimeoutS,
        int chatHistoryPerChannel,
        String dbUrl, String dbUser, String dbPassword, int dbPoolSize, int dbTimeoutMs, int historyFlushIntervalS,
        LiveOpsConfig liveOps, HotPathConfig hotPath) {

    public OreConfig {
        members = List.copyOf(members);
        if (coinSilverPct + coinGoldPct > 100) {
            throw new ConfigException("ORE_COIN_SILVER_PCT + ORE_COIN_GOLD_PCT must be <= 100, got "
                    + (coinSilverPct + coinGoldPct));
        }
        if ((adminEmail == null) != (adminPassword == null)) {
            throw new ConfigException("ORE_ADMIN_EMAIL and ORE_ADMIN_PASSWORD must be set together");
        }
        if (adminPassword != null && (adminPassword.length() < 8 || adminPassword.length() > 128)) {
            throw new ConfigException("ORE_ADMIN_PASSWORD must be 8-128 characters");
        }
    }

    /** The defaults alone: what a node runs with when nothing is configured. */
    public static OreConfig defaults() {
        return from(ConfigSource.of(Map.of()));
    }

    /** Defaults overlaid by the YAML file (may be null) and the process environment. */
    public static OreConfig load(Path yaml) {
        return from(ConfigSource.load(yaml, System.getenv()));
    }

    /**
     * Builds and validates the configuration.
     *
     * @throws ConfigException naming the first bad key and its allowed range
     */
    public static OreConfig from(ConfigSource s) {
        Reader r = new Reader(s);
        return new OreConfig(
                r.str("HTTP_HOST", "0.0.0.0"), r.integer("HTTP_PORT", 8080, 0, 65535),
                r.str("CLUSTER_NAME", "ore-grid"), r.list("MEMBERS"), r.integer("MEMBER_PORT", 5701, 1, 65535),
                r.integer("BACKUP_COUNT", 1, 0, 6),
                r.choice("GRID_IN_MEMORY_FORMAT", "OBJECT", "OBJECT", "BINARY"),
                r.integer("LOCATION_MAX_UPDATES_PER_MINUTE", 2, 1, 100_000),
                r.integer("RATE_LIMIT_PER_MINUTE", 60, 1, 1_000_000),
                r.integer("GENESIS_RATE_LIMIT_PER_MINUTE", 120, 1, 1_000_000),
                r.integer("AUTH_RATE_LIMIT_PER_MINUTE", 300, 1, 1_000_000),
                r.integer("LOGIN_MAX_FAILURES", 5, 1, 1000), r.integer("LOGIN_LOCKOUT_S", 60, 1, 86_400),
                r.dbl("ANTICHEAT_MAX_SPEED_KMH", 150, 1, 2000),
                r.dbl("ANTICHEAT_MAX_ACCELERATION_MS2", 20, 0.1, 1000),
                r.dbl("ANTICHEAT_MAX_ACCURACY_M", 100, 1, 10_000),
                r.integer("ANTICHEAT_MAX_FIX_AGE_S", 120, 1, 86_400),
                r.integer("ANTICHEAT_MAX_CLOCK_SKEW_S", 30, 0, 3600),
                r.dbl("COLLECT_RANGE_M", 10, 0.5, 1000), r.dbl("GENESIS_COLLECT_RANGE_M", 3, 0.5, 1000),
                r.dbl("CELL_SIZE_M", 280, 10, 5000), r.integer("COIN_DENSITY_PER_CELL", 40, 0, 1000),
                r.integer("COIN_TTL_S", 900, 10, 86_400 * 7),
                r.integer("COIN_VALUE_BRONZE", 10, 1, 1_000_000), r.integer("COIN_VALUE_SILVER", 50, 1, 1_000_000),
                r.integer("COIN_VALUE_GOLD", 100, 1, 1_000_000),
                r.integer("COIN_SILVER_PCT", 20, 0, 100), r.integer("COIN_GOLD_PCT", 5, 0, 100),
                r.integer("IDEMPOTENCY_TTL_S", 86_400, 60, 86_400 * 30),
                r.integer("NEARBY_STALE_S", 300, 1, 86_400),
                r.integer("HISTORY_PER_PLAYER", 500, 1, 100_000),
                r.integer("SWEEP_INTERVAL_S", 30, 1, 3600), r.integer("SWEEP_GRACE_S", 10, 1, 3600),
                r.integer("ACCESS_TOKEN_TTL_S", 86_400, 60, 86_400 * 30),
                r.integer("GENESIS_ACCESS_TOKEN_TTL_S", 72 * 3600, 60, 86_400 * 30),
                r.integer("REFRESH_TOKEN_TTL_S", 7 * 86_400, 60, 86_400 * 365),
                r.str("JWT_ISSUER", "ore-auth-service"), r.str("JWT_AUDIENCE", "ore-platform"),
                r.integer("BCRYPT_COST", 10, 4, 16),
                r.str("ADMIN_EMAIL", null), r.str("ADMIN_PASSWORD", null),
                r.lng("MAX_BODY_BYTES", 1L << 20, 1024, 64L << 20),
                r.integer("WS_AUTH_TIMEOUT_S", 5, 1, 60), r.integer("WS_MAX_MESSAGE_BYTES", 16_384, 1024, 1 << 20),
                r.integer("WS_SEND_QUEUE_MAX", 256, 4, 65_536), r.integer("WS_MAX_ERRORS_PER_MINUTE", 300, 1, 100_000),
                r.integer("WS_IDLE_TIMEOUT_S", 120, 10, 86_400), r.integer("CHAT_HISTORY_PER_CHANNEL", 100, 1, 10_000),
                r.str("DB_URL", null), r.str("DB_USER", null), r.str("DB_PASSWORD", null),
                r.integer("DB_POOL_SIZE", 10, 1, 200), r.integer("DB_TIMEOUT_MS", 2000, 250, 60_000),
                r.integer("HISTORY_FLUSH_INTERVAL_S", 2, 1, 3600),
                LiveOpsConfig.from(s), HotPathConfig.from(r));
    }

    /** @return whether PostgreSQL persistence is configured */
    public boolean persistenceEnabled() {
        return dbUrl != null;
    }

    /** A copy with another HTTP port (tests and multi-node runs on one machine). */
    public OreConfig withHttpPort(int port) {
        return with(Map.of("HTTP_PORT", Integer.toString(port)));
    }

    /**
     * A copy with some keys replaced, validated like any configuration.
     *
     * @param overrides keys without the {@code ORE_} prefix, e.g. {@code COIN_DENSITY_PER_CELL}
     */
    public OreConfig with(Map<String, String> overrides) {
        Map<String, String> all = new java.util.HashMap<>(asMap());
        all.putAll(overrides);
        return from(ConfigSource.of(all));
    }

    private Map<String, String> asMap() {
        Map<String, String> m = new java.util.HashMap<>();
        m.put("HTTP_HOST", httpHost); m.put("HTTP_PORT", "" + httpPort);
        m.put("CLUSTER_NAME", clusterName); m.put("MEMBERS", String.join(",", members));
        m.put("MEMBER_PORT", "" + memberPort); m.put("BACKUP_COUNT", "" + backupCount);
        m.put("GRID_IN_MEMORY_FORMAT", gridInMemoryFormat);
        m.put("LOCATION_MAX_UPDATES_PER_MINUTE", "" + locationMaxUpdatesPerMinute);
        m.put("RATE_LIMIT_PER_MINUTE", "" + rateLimitPerMinute);
        m.put("GENESIS_RATE_LIMIT_PER_MINUTE", "" + genesisRateLimitPerMinute);
        m.put("AUTH_RATE_LIMIT_PER_MINUTE", "" + authRateLimitPerMinute);
        m.put("LOGIN_MAX_FAILURES", "" + loginMaxFailures); m.put("LOGIN_LOCKOUT_S", "" + loginLockoutS);
        m.put("ANTICHEAT_MAX_SPEED_KMH", "" + anticheatMaxSpeedKmh);
        m.put("ANTICHEAT_MAX_ACCELERATION_MS2", "" + anticheatMaxAccelerationMs2);
        m.put("ANTICHEAT_MAX_ACCURACY_M", "" + anticheatMaxAccuracyM);
        m.put("ANTICHEAT_MAX_FIX_AGE_S", "" + anticheatMaxFixAgeS);
        m.put("ANTICHEAT_MAX_CLOCK_SKEW_S", "" + anticheatMaxClockSkewS);
        m.put("COLLECT_RANGE_M", "" + collectRangeM); m.put("GENESIS_COLLECT_RANGE_M", "" + genesisCollectRangeM);
        m.put("CELL_SIZE_M", "" + cellSizeM); m.put("COIN_DENSITY_PER_CELL", "" + coinDensityPerCell);
        m.put("COIN_TTL_S", "" + coinTtlS);
        m.put("COIN_VALUE_BRONZE", "" + coinValueBronze); m.put("COIN_VALUE_SILVER", "" + coinValueSilver);
        m.put("COIN_VALUE_GOLD", "" + coinValueGold);
        m.put("COIN_SILVER_PCT", "" + coinSilverPct); m.put("COIN_GOLD_PCT", "" + coinGoldPct);
        m.put("IDEMPOTENCY_TTL_S", "" + idempotencyTtlS); m.put("NEARBY_STALE_S", "" + nearbyStaleS);
        m.put("HISTORY_PER_PLAYER", "" + historyPerPlayer);
        m.put("SWEEP_INTERVAL_S", "" + sweepIntervalS); m.put("SWEEP_GRACE_S", "" + sweepGraceS);
        m.put("ACCESS_TOKEN_TTL_S", "" + accessTokenTtlS);
        m.put("GENESIS_ACCESS_TOKEN_TTL_S", "" + genesisAccessTokenTtlS);
        m.put("REFRESH_TOKEN_TTL_S", "" + refreshTokenTtlS);
        m.put("JWT_ISSUER", jwtIssuer); m.put("JWT_AUDIENCE", jwtAudience); m.put("BCRYPT_COST", "" + bcryptCost);
        if (adminEmail != null) { m.put("ADMIN_EMAIL", adminEmail); m.put("ADMIN_PASSWORD", adminPassword); }
        m.put("MAX_BODY_BYTES", "" + maxBodyBytes);
        m.put("WS_AUTH_TIMEOUT_S", "" + wsAuthTimeoutS); m.put("WS_MAX_MESSAGE_BYTES", "" + wsMaxMessageBytes);
        m.put("WS_SEND_QUEUE_MAX", "" + wsSendQueueMax); m.put("WS_MAX_ERRORS_PER_MINUTE", "" + wsMaxErrorsPerMinute);
        m.put("WS_IDLE_TIMEOUT_S", "" + wsIdleTimeoutS); m.put("CHAT_HISTORY_PER_CHANNEL", "" + chatHistoryPerChannel);
        if (dbUrl != null) { m.put("DB_URL", dbUrl); }
        if (dbUser != null) { m.put("DB_USER", dbUser); }
        if (dbPassword != null) { m.put("DB_PASSWORD", dbPassword); }
        m.put("DB_POOL_SIZE", "" + dbPoolSize); m.put("DB_TIMEOUT_MS", "" + dbTimeoutMs);
        m.put("HISTORY_FLUSH_INTERVAL_S", "" + historyFlushIntervalS);
        m.putAll(liveOps.asMap());
        m.putAll(hotPath.asMap());
        return m;
    }

    /** Never prints the admin password, the database URL, user or password. */
    @Override
    public String toString() {
        return "OreConfig[cluster=" + clusterName + ", http=" + httpHost + ":" + httpPort
                + ", members=" + members + ", persistence=" + (persistenceEnabled() ? "postgresql" : "memory") + "]";
    }

    /** Parses one typed value per key, failing with the variable's name and range. */
    record Reader(ConfigSource s) {
        String str(String key, String def) {
            String v = s.get(key);
            return v == null ? def : v;
        }

        String choice(String key, String def, String... allowed) {
            String v = s.get(key);
            if (v == null) {
                return def;
            }
            for (String a : allowed) {
                if (a.equalsIgnoreCase(v.strip())) {
                    return a;
                }
            }
            throw new ConfigException(ConfigSource.ENV_PREFIX + key + " must be one of " + String.join(", ", allowed)
                    + ", got '" + v + "'");
        }

        List<String> list(String key) {
            String v = s.get(key);
            return v == null ? List.of() : Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
        }

        int integer(String key, int def, int min, int max) {
            return (int) (long) number(key, (long) def, (long) min, (long) max, Long::parseLong);
        }

        long lng(String key, long def, long min, long max) {
            return number(key, def, min, max, Long::parseLong);
        }

        double dbl(String key, double def, double min, double max) {
            return number(key, def, min, max, Double::parseDouble);
        }

        private <T extends Number & Comparable<T>> T number(String key, T def, T min, T max, Function<String, T> parse) {
            String v = s.get(key);
            if (v == null) {
                return def;
            }
            T value;
            try {
                value = parse.apply(v);
            } catch (NumberFormatException e) {
                throw new ConfigException(ConfigSource.ENV_PREFIX + key + " must be a number, got '" + v + "'");
            }
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0 || Double.isNaN(value.doubleValue())) {
                throw new ConfigException(ConfigSource.ENV_PREFIX + key + " must be between " + min + " and " + max
                        + ", got " + v);
            }
            return value;
        }
    }
}
