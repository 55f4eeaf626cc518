-- ORE Grid: PostgreSQL as the system of record (issue #4). Owned by Flyway: never edit a migration
-- that has run; add V2__... instead. Times are timestamptz (UTC instants) of the node's game clock;
-- numbers with a unit carry it in their name (accuracy_m, speed_ms, heading_deg).

-- Accounts (SPEC "Auth"), map "users" (key: lower-cased e-mail).
CREATE TABLE users (
    id            text        PRIMARY KEY,
    email         text        NOT NULL UNIQUE,
    username      text        NOT NULL,
    password_hash text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('PLAYER', 'ADVERTISER', 'ANALYST', 'ADMIN')),
    genesis       boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL
);

-- Username claims, map "usernames" (key: lower-cased username → user id). Claimed before the
-- account row exists, so it is a table of its own.
CREATE TABLE usernames (
    username_key text PRIMARY KEY,
    user_id      text NOT NULL
);

-- A player's economy, map "players". balance and coins_collected change only together with an
-- inserted coin_collections row (same transaction), so balance = sum(credited) of the player's rows.
-- level, xp, inventory and pickaxes wait for the economy issue; their defaults are a new player's.
CREATE TABLE players (
    player_id       text        PRIMARY KEY,
    balance         bigint      NOT NULL DEFAULT 0,
    coins_collected bigint      NOT NULL DEFAULT 0,
    level           integer     NOT NULL DEFAULT 1,
    xp              bigint      NOT NULL DEFAULT 0,
    inventory       jsonb       NOT NULL DEFAULT '[]'::jsonb,
    pickaxes        jsonb       NOT NULL DEFAULT '[]'::jsonb,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- One row per collected coin. The two UNIQUE constraints are the database's last guard against a
-- double credit: a coin is credited once, an Idempotency-Key of a player once.
CREATE TABLE coin_collections (
    coin_id         text        PRIMARY KEY,
    player_id       text        NOT NULL,
    idempotency_key text        NOT NULL,
    credited        bigint      NOT NULL CHECK (credited >= 0),
    balance_after   bigint      NOT NULL,
    collected_at    timestamptz NOT NULL,
    CONSTRAINT coin_collections_player_key UNIQUE (player_id, idempotency_key)
);
CREATE INDEX coin_collections_player_time ON coin_collections (player_id, collected_at DESC);

-- A player's anti-cheat state, map "player-motion" (written through the batched path). version
-- = accepted fixes + refusals: it grows with every change, so an older copy never overwrites a
-- newer row. last_* is the last accepted fix, refused_* the last refused one (NULL before any).
CREATE TABLE player_motion (
    player_id           text             PRIMARY KEY,
    version             bigint           NOT NULL,
    last_lat            double precision,
    last_lng            double precision,
    last_accuracy_m     double precision,
    last_recorded_at    timestamptz,
    last_speed_ms       double precision,
    last_heading_deg    double precision,
    cell_token          text,
    segment_speed_ms    double precision NOT NULL,
    accepted_fixes      bigint           NOT NULL,
    violations          integer[]        NOT NULL,
    reputation          integer          NOT NULL,
    refused_lat         double precision,
    refused_lng         double precision,
    refused_accuracy_m  double precision,
    refused_recorded_at timestamptz,
    refused_speed_ms    double precision,
    refused_heading_deg double precision,
    last_refusal_at     timestamptz
);

-- Every accepted fix, append-only, partitioned by month of recorded_at. A fix is identified by
-- (player, time), so a batch stored twice (retry, backup promoted after a member died) adds nothing.
CREATE TABLE location_history (
    player_id   text             NOT NULL,
    recorded_at timestamptz      NOT NULL,
    lat         double precision NOT NULL,
    lng         double precision NOT NULL,
    accuracy_m  double precision NOT NULL,
    cell_token  text             NOT NULL,
    PRIMARY KEY (player_id, recorded_at)
) PARTITION BY RANGE (recorded_at);

-- Rows of months without their own partition (e.g. a test clock in the past) land here.
CREATE TABLE location_history_default PARTITION OF location_history DEFAULT;

-- Creates the monthly partitions location_history_yYYYYmMM for first_month and months_ahead more,
-- skipping months that exist or whose rows already sit in the DEFAULT partition.
CREATE FUNCTION ore_ensure_history_partitions(first_month date, months_ahead integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    lo date;
    hi date;
    part text;
BEGIN
    FOR i IN 0..months_ahead LOOP
        lo := (date_trunc('month', first_month) + make_interval(months => i))::date;
        hi := (lo + interval '1 month')::date;
        part := format('location_history_y%sm%s', to_char(lo, 'YYYY'), to_char(lo, 'MM'));
        CONTINUE WHEN to_regclass(part) IS NOT NULL;
        CONTINUE WHEN EXISTS (SELECT 1 FROM location_history_default
                              WHERE recorded_at >= lo AND recorded_at < hi);
        EXECUTE format('CREATE TABLE %I PARTITION OF location_history FOR VALUES FROM (%L) TO (%L)',
                       part, lo::timestamptz, hi::timestamptz);
    END LOOP;
END;
$$;

-- RS256 signing keys, map "signing-keys": one row per kid, plus the row 'active' holding a copy of
-- the key that signs new tokens. Private keys are stored as they are (see SigningKeyRecord).
CREATE TABLE signing_keys (
    map_key         text        PRIMARY KEY,
    kid             text        NOT NULL,
    public_key_der  text        NOT NULL,
    private_key_der text        NOT NULL,
    created_at      timestamptz NOT NULL,
    active          boolean     NOT NULL,
    retired         boolean     NOT NULL
);

-- Refresh tokens, map "refresh-tokens" (key: hex SHA-256 of the token; the token is never stored).
-- state only moves forward (ACTIVE → ROTATED → REVOKED, or ACTIVE → REVOKED).
CREATE TABLE refresh_tokens (
    token_hash     text        PRIMARY KEY,
    user_id        text        NOT NULL,
    user_email     text        NOT NULL,
    family_id      text        NOT NULL,
    issued_at      timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    state          text        NOT NULL CHECK (state IN ('ACTIVE', 'ROTATED', 'REVOKED')),
    successor_hash text
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
