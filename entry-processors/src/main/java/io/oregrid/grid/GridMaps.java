package io.oregrid.grid;

/**
 * Names of the grid's distributed structures (ARCHITECTURE "State in the grid"); grid-node
 * configures them, SQL mappings use the same names.
 */
public final class GridMaps {
    /** player id → {@code PlayerState}: balance, collections, credited Idempotency-Keys. */
    public static final String PLAYERS = "players";
    /** player id (co-partitioned with players) → {@code PlayerMotion}: last fix, anti-cheat state. */
    public static final String PLAYER_MOTION = "player-motion";
    /** player id (co-partitioned with players) → {@code LocationHistory}: newest accepted fixes, bounded. */
    public static final String LOCATION_HISTORY = "location-history";
    /** S2 cell token at the game level → {@code CellPresence}: the players present (coins are derived, not stored). */
    public static final String CELL_PRESENCE = "cell-presence";
    /** S2 cell token at the game level → {@code CellClaims}: claims on the cell's coins, indexed on {@code oldestPendingAtMs}. */
    public static final String COIN_CLAIMS = "coin-claims";
    /** Topic of {@code WorldDelta}s: what a location update or a collect changed, for every edge node's rooms. */
    public static final String WORLD_TOPIC = "world-deltas";
    /**
     * {@code OutcomeKey} (partitioned like its player) → {@code GridOutcome}: every credited collect (and later
     * kinds) once, with a deterministic event id; its event journal is a stream analytics reads. Accepted fixes
     * are the {@link #PLAYER_MOTION} journal's ({@code FixOutcomes}).
     */
    public static final String OUTCOMES = "outcomes";
    /** lower-cased e-mail → {@code UserRecord}. */
    public static final String USERS = "users";
    /** lower-cased username → user id; guards username uniqueness. */
    public static final String USERNAMES = "usernames";
    /** SHA-256 of a refresh token → {@code RefreshTokenRecord}. */
    public static final String REFRESH_TOKENS = "refresh-tokens";
    /** kid → {@code SigningKeyRecord} (RSA key pair for RS256 access tokens). */
    public static final String SIGNING_KEYS = "signing-keys";
    /** Bucket4j bucket state per limit key; the library's own serialized state (not a record). */
    public static final String RATE_LIMITS = "rate-limits";
    /** chat channel name ({@code global}, {@code cell:<token>}) → {@code ChatRing}: newest messages, bounded. */
    public static final String CHAT_RINGS = "chat-rings";
    /** Reliable topic of appended {@code ChatMessage}s; every edge node delivers them to its local sockets. */
    public static final String CHAT_TOPIC = "chat-events";
    /** caller scope + "|" + Idempotency-Key → {@code IdempotencyRecord} (fingerprint, in-flight owner, stored response; TTL). */
    public static final String IDEMPOTENCY = "idempotency";
    /** events' playerId → {@code LiveOpsPlayer}: XP, level, rewards, flood window, z-score statistics, flags. */
    public static final String LIVEOPS_PLAYERS = "liveops-players";
    /** {@code EventKey} (player-partitioned) → {@code GameEvent}: the accepted-event stream; its journal feeds Jet. */
    public static final String LIVEOPS_EVENTS = "liveops-events";
    /** event id → {@code SuspiciousEvent}: progression outliers held back, with their z-scores. */
    public static final String SUSPICIOUS_EVENTS = "suspicious-events";
    /** window key + "|" + playerId → {@code LeaderboardScore}; written only by the leaderboard Jet job, indexed on {@code window}. */
    public static final String LEADERBOARDS = "leaderboards";

    private GridMaps() {
    }
}
