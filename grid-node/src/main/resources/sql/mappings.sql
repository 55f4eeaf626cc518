-- ORE Grid: SQL mappings for analysts (SPEC capability 11, "distributed SQL for analysts").
--
-- The one place where the grid's maps meet SQL. Every node runs these statements when it starts
-- (io.oregrid.node.sql.SqlMappings), so they are always in force; admin-console-config/README.md
-- documents them and its example queries. Comments are whole lines starting with "--"; outside
-- them a semicolon only ends a statement (none inside string literals).
--
-- Rules for this file:
--   * Every statement is CREATE OR REPLACE: running the file again (each node start, a restart,
--     a new node joining) is harmless and brings an old definition up to date.
--   * Columns are explicit. A mapping then needs no entry in the map, nor any Compact schema
--     known to the cluster yet: it works on an empty grid and after a full restart.
--   * Mapping names are for analysts (snake_case); EXTERNAL NAME gives the map's real name when
--     it differs. Columns are snake_case with EXTERNAL NAME "this.<record component>".
--   * Only scalar Compact fields become columns (BOOLEAN, INT8-64, FLOAT32/64, DECIMAL, STRING,
--     date/time kinds and their nullable forms; a Java enum travels as STRING). Left out:
--     - arrays: SQL has no column type for Compact arrays (PlayerState.recentCollects,
--       PlayerMotion.violations, CellPresence.present, CellClaims.claims, LocationHistory.fixes - so the
--       location-history map has no mapping: nothing but its key would be readable);
--     - nested records (PlayerMotion.lastFix, lastRefusedFix): reachable only through a
--       user-defined type (CREATE TYPE), and on Hazelcast 5.6.0 reading a field of one fails with
--       NoClassDefFoundError org/apache/avro/generic/GenericRecord unless Apache Avro is on the
--       member's classpath. They are also exact positions of identifiable people; cell_token
--       (the S2 game cell, about 280 m across) is the position analysts get.
--   * The map key is not a column (Hazelcast SQL cannot rename __key); each record repeats its
--     key in a component (playerId, token, id), which is mapped instead.
--   * Secrets never get a column: no UserRecord.passwordHash, no mapping at all for
--     refresh-tokens or signing-keys. This keeps them out of SELECT * and out of sight, but it
--     is no access control: the hidden field "this" (the whole record) stays selectable, and in
--     Community Edition any client that reaches a member can define its own mappings or read a
--     map directly. SQL access is grid access (admin-console-config/README.md). Mappings are read-only by convention: the grid's
--     EntryProcessors own every value, so analysts never INSERT, UPDATE, DELETE or SINK INTO.
--   * A new map gets its mapping here in the same change that creates the map.
--
-- Units as in the records: times are epoch milliseconds (BIGINT), speeds m/s, amounts integers.

-- Map "players" (io.oregrid.grid.player.PlayerState): a player's economy. A player gets a row
-- with their first credited coin. Left out: recentCollects (array; the idempotency records).
CREATE OR REPLACE MAPPING players (
    player_id       VARCHAR EXTERNAL NAME "this.playerId",
    balance         BIGINT  EXTERNAL NAME "this.balance",
    coins_collected BIGINT  EXTERNAL NAME "this.coinsCollected"
) TYPE IMap OPTIONS (
    'keyFormat' = 'varchar',
    'valueFormat' = 'compact',
    'valueCompactTypeName' = 'io.oregrid.grid.player.PlayerState'
);

-- Map "player-motion" (io.oregrid.grid.motion.PlayerMotion): where a player is (cell) and their
-- anti-cheat state. A player gets a row with their first location update, accepted or not (or their
-- first API request: the per-user request limit lives in this entry too);
-- cell_token is NULL until a fix is accepted, last_refusal_at_ms is 0 until one is refused.
-- reputation is 0-100 (starts at 100, -10 per refusal, +1 per accepted fix). Left out: lastFix
-- and lastRefusedFix (nested records), violations (int array: refusals per reason).
CREATE OR REPLACE MAPPING player_motion EXTERNAL NAME "player-motion" (
    player_id          VARCHAR EXTERNAL NAME "this.playerId",
    cell_token         VARCHAR EXTERNAL NAME "this.cellToken",
    last_speed_ms      DOUBLE  EXTERNAL NAME "this.lastSpeedMs",
    accepted_fixes     BIGINT  EXTERNAL NAME "this.acceptedFixes",
    reputation         INT     EXTERNAL NAME "this.reputation",
    last_refusal_at_ms BIGINT  EXTERNAL NAME "this.lastRefusalAtMs"
) TYPE IMap OPTIONS (
    'keyFormat' = 'varchar',
    'valueFormat' = 'compact',
    'valueCompactTypeName' = 'io.oregrid.grid.motion.PlayerMotion'
);

-- Map "cell-presence" (io.oregrid.grid.cell.CellPresence): S2 cells of the game level with players
-- present. Left out: present (array of records: exact positions) - nearby players are served by the API.
CREATE OR REPLACE MAPPING cell_presence EXTERNAL NAME "cell-presence" (
    cell_token VARCHAR EXTERNAL NAME "this.token"
) TYPE IMap OPTIONS (
    'keyFormat' = 'varchar',
    'valueFormat' = 'compact',
    'valueCompactTypeName' = 'io.oregrid.grid.cell.CellPresence'
);

-- Map "coin-claims" (io.oregrid.grid.cell.CellClaims): cells whose coins were claimed (coins themselves are
-- derived, never stored). oldest_pending_at_ms is the claim time of the oldest claim whose credit is not
-- confirmed yet (9223372036854775807 when none): what the claim sweep looks for. Left out: claims (array).
CREATE OR REPLACE MAPPING coin_claims EXTERNAL NAME "coin-claims" (
    cell_token          VARCHAR EXTERNAL NAME "this.token",
    oldest_pending_at_ms BIGINT EXTERNAL NAME "this.oldestPendingAtMs"
) TYPE IMap OPTIONS (
    'keyFormat' = 'varchar',
    'valueFormat' = 'compact',
    'valueCompactTypeName' = 'io.oregrid.grid.cell.CellClaims'
);

-- Map "outcomes" (io.oregrid.grid.outcome.GridOutcome): every credited collect of the last ORE_OUTCOME_TTL_S
-- (default 10 minutes), once each by its deterministic event id. type_code: 2 = credited collect (value:
-- amount credited); accepted fixes (1) travel on the player-motion journal instead. Left out: lat and lng.
CREATE OR REPLACE MAPPING outcomes (
    event_id   VARCHAR EXTERNAL NAME "this.eventId",
    type_code  INT     EXTERNAL NAME "this.type",
    player_id  VARCHAR EXTERNAL NAME "this.playerId",
    cell_token VARCHAR EXTERNAL NAME "this.cellToken",
    "value"    BIGINT  EXTERNAL NAME "this.value",
    at_ms      BIGINT  EXTERNAL NAME "this.atMs"
) TYPE IMap OPTIONS (
    'keyFormat' = 'compact',
    'keyCompactTypeName' = 'io.oregrid.grid.outcome.OutcomeKey',
    'valueFormat' = 'compact',
    'valueCompactTypeName' = 'io.oregrid.grid.outcome.GridOutcome'
);

-- Map "users" (io.oregrid.grid.auth.UserRecord), safe columns only: no password hash, and no
-- e-mail either (the map key; personal data that no analysis needs - join on user_id). user_id is
-- the player_id of the game mappings. role is player / advertiser / analyst / admin in upper case.
CREATE OR REPLACE MAPPING users (
    user_id       VARCHAR EXTERNAL NAME "this.id",
    username      VARCHAR EXTERNAL NAME "this.username",
    role          VARCHAR EXTERNAL NAME "this.role",
    genesis       BOOLEAN EXTERNAL NAME "this.genesis",
    created_at_ms BIGINT  EXTERNAL NAME "this.createdAtMs"
) TYPE IMap OPTIONS (
    'keyFormat' = 'varchar',
    'valueFormat' = 'compact',
    'valueCompactTypeName' = 'io.oregrid.grid.auth.UserRecord'
);

-- Map "suspicious-events" (io.oregrid.grid.liveops.SuspiciousEvent): progression events held back
-- by the fairness guard as outliers against the player's own history. z_score = (delta_xp - mean_xp)
-- / std_xp over samples accepted events; blocked says whether this flag blocked the player.
CREATE OR REPLACE MAPPING suspicious_events EXTERNAL NAME "suspicious-events" (
    event_id      VARCHAR EXTERNAL NAME "this.eventId",
    player_id     VARCHAR EXTERNAL NAME "this.playerId",
    event_type    VARCHAR EXTERNAL NAME "this.type",
    delta_xp      BIGINT  EXTERNAL NAME "this.deltaXp",
    z_score       DOUBLE  EXTERNAL NAME "this.zScore",
    mean_xp       DOUBLE  EXTERNAL NAME "this.meanXp",
    std_xp        DOUBLE  EXTERNAL NAME "this.stdXp",
    samples       BIGINT  EXTERNAL NAME "this.samples",
    flagged_at_ms BIGINT  EXTERNAL NAME "this.flaggedAtMs",
    blocked       BOOLEAN EXTERNAL NAME "this.blocked",
    body          VARCHAR EXTERNAL NAME "this.body"
) TYPE IMap OPTIONS (
    'keyFormat' = 'varchar',
    'valueFormat' = 'compact',
    'valueCompactTypeName' = 'io.oregrid.grid.liveops.SuspiciousEvent'
);

-- Map "liveops-players" (io.oregrid.grid.liveops.LiveOpsPlayer): XP, level and fairness state of the
-- game servers' players (player_id is the ORE user id when the player is one of ours).
CREATE OR REPLACE MAPPING liveops_players EXTERNAL NAME "liveops-players" (
    player_id   VARCHAR EXTERNAL NAME "this.playerId",
    xp          BIGINT  EXTERNAL NAME "this.xp",
    level       INTEGER EXTERNAL NAME "this.level",
    samples     BIGINT  EXTERNAL NAME "this.samples",
    mean_xp     DOUBLE  EXTERNAL NAME "this.meanXp",
    flags       INTEGER EXTERNAL NAME "this.flags",
    blocked     BOOLEAN EXTERNAL NAME "this.blocked",
    dropped     BIGINT  EXTERNAL NAME "this.dropped"
) TYPE IMap OPTIONS (
    'keyFormat' = 'varchar',
    'valueFormat' = 'compact',
    'valueCompactTypeName' = 'io.oregrid.grid.liveops.LiveOpsPlayer'
);
