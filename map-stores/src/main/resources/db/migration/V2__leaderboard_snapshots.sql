-- ORE Grid: leaderboard snapshots (issue #6). The grid's "leaderboards" map is the live copy; the
-- oldest member copies each window here every ORE_LEADERBOARD_SNAPSHOT_INTERVAL_S and when a window
-- ends, so past windows stay readable after the grid forgot them (TTL, full restart).
-- events is the version of a row (the number of the player's events the window counted, it only
-- grows): an upsert replaces a row only with equal-or-newer data, so a late or repeated snapshot
-- (two members, a retry) never moves a score backwards.
CREATE TABLE leaderboard_snapshots (
    window_key  text        NOT NULL,           -- e.g. daily:2026-11-22, weekly:2026-W47, seasonal:8
    player_id   text        NOT NULL,
    score       bigint      NOT NULL,
    reached_at  timestamptz NOT NULL,           -- when the score was reached (ties: earlier ranks first)
    events      bigint      NOT NULL,
    rank        integer     NOT NULL,           -- 1-based rank within the window at snapshot_at
    snapshot_at timestamptz NOT NULL,
    PRIMARY KEY (window_key, player_id)
);
