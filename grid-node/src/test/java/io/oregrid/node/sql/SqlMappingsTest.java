package io.oregrid.node.sql;

import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.sql.HazelcastSqlException;
import com.hazelcast.sql.SqlColumnMetadata;
import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.auth.Role;
import io.oregrid.grid.auth.UserRecord;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.cell.CoinField;
import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.motion.MotionResult;
import io.oregrid.grid.player.CollectRecord;
import io.oregrid.grid.player.PlayerState;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.GridConfigFactory;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.game.CoinService;
import io.oregrid.node.game.CollectOutcome;
import io.oregrid.node.game.GameRules;
import io.oregrid.node.game.GameServices;
import io.oregrid.node.game.LocationService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static com.hazelcast.test.HazelcastTestSupport.waitAllForSafeState;
import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Verifies that the analysts' mappings work on an empty grid and read what the real services write. */
class SqlMappingsTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final double LAT = -10.9393, LNG = -37.0627;

    private final TestHazelcastFactory factory = new TestHazelcastFactory();
    /** Only bronze coins (value 10), so balances are exact multiples of 10. */
    private final OreConfig config = OreConfig.defaults().with(Map.of(
            "CLUSTER_NAME", "sql-" + UUID.randomUUID(), "COIN_SILVER_PCT", "0", "COIN_GOLD_PCT", "0"));
    private final GameClock clock = () -> NOW;

    @AfterEach
    void tearDown() {
        factory.shutdownAll();
    }

    private HazelcastInstance member() {
        return factory.newHazelcastInstance(GridConfigFactory.memberConfig(config));
    }

    /** Runs a query and returns its rows, each as the list of its column values. */
    private static List<List<Object>> rows(HazelcastInstance hz, String sql) {
        List<List<Object>> rows = new ArrayList<>();
        try (SqlResult result = hz.getSql().execute(sql)) {
            int columns = result.getRowMetadata().getColumnCount();
            for (SqlRow row : result) {
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < columns; i++) {
                    values.add(row.getObject(i));
                }
                rows.add(values);
            }
        }
        return rows;
    }

    private static List<String> columns(HazelcastInstance hz, String sql) {
        try (SqlResult result = hz.getSql().execute(sql)) {
            return result.getRowMetadata().getColumns().stream().map(SqlColumnMetadata::getName).toList();
        }
    }

    @Test
    void theScriptHoldsEightMappingsAllCreateOrReplace() {
        List<String> statements = SqlMappings.statements();

        assertThat(statements).hasSize(8).allSatisfy(s -> assertThat(s).startsWith("CREATE OR REPLACE "));
        assertThat(String.join("\n", statements)).doesNotContainIgnoringCase("password")
                .doesNotContain("refresh-tokens").doesNotContain("signing-keys").doesNotContain("--");
    }

    @Test
    void parseDropsCommentLinesAndBlankPieces() {
        String script = "-- a comment; with a semicolon\nCREATE X (a INT);\n\n  -- another\nCREATE Y;\n;\n";

        assertThat(SqlMappings.parse(script)).containsExactly("CREATE X (a INT)", "CREATE Y");
    }

    @Test
    void mappingsWorkBeforeAnyEntryAndWhenASecondMemberCreatesThemAgain() {
        HazelcastInstance first = member();
        SqlMappings.create(first);
        for (String table : List.of("players", "player_motion", "cell_presence", "coin_claims", "outcomes", "users")) {
            assertThat(rows(first, "SELECT * FROM " + table)).as(table).isEmpty();
        }

        HazelcastInstance second = member();
        SqlMappings.create(second);
        assertClusterSizeEventually(2, first, second);
        waitAllForSafeState(first, second);
        first.<String, UserRecord>getMap(GridMaps.USERS).put("ann@example.org",
                new UserRecord("u-ann", "ann@example.org", "ann", "$2a$04$hash", Role.PLAYER, false, NOW));

        assertThat(rows(second, "SELECT user_id, username FROM users"))
                .containsExactly(List.of("u-ann", "ann"));
    }

    @Test
    void playersCanBeFilteredAndOrderedByBalance() {
        HazelcastInstance hz = member();
        SqlMappings.create(hz);
        GameRules rules = GameRules.from(config);
        GameServices game = GameServices.create(hz, config, clock);
        LocationService location = game.location();
        CoinService coins = game.coins();
        Coin[] available = standAt(hz, location, "p-ann");
        standAt(hz, location, "p-bob");
        standAt(hz, location, "p-cid");
        collect(coins, "p-ann", available, 0, 3);
        collect(coins, "p-bob", available, 3, 1);
        collect(coins, "p-cid", available, 4, 2);
        assertTrueEventually(() -> assertThat(rows(hz, "SELECT player_id, COUNT(*), CAST(SUM(\"value\") AS BIGINT) FROM outcomes"
                + " WHERE type_code = 2 GROUP BY player_id ORDER BY player_id")).as("each credit once on the stream")
                .containsExactly(List.of("p-ann", 3L, 30L), List.of("p-bob", 1L, 10L), List.of("p-cid", 2L, 20L)));

        assertThat(rows(hz, "SELECT player_id, balance, coins_collected FROM players "
                + "WHERE balance >= 20 ORDER BY balance DESC"))
                .containsExactly(List.of("p-ann", 30L, 3L), List.of("p-cid", 20L, 2L));
    }

    @Test
    void playerMotionShowsCellReputationAndRefusals() {
        HazelcastInstance hz = member();
        SqlMappings.create(hz);
        GameServices game = GameServices.create(hz, config, clock);
        LocationService location = game.location();
        MotionResult ann = location.update("p-ann", "ann", new Fix(LAT, LNG, 5, NOW, null, null), 0).toCompletableFuture().join();
        location.update("p-bob", "bob", new Fix(LAT + 0.001, LNG, 5, NOW, null, null), 0).toCompletableFuture().join();
        MotionResult refused = location.update("p-bob", "bob", new Fix(LAT, LNG, 500, NOW, null, null), 0).toCompletableFuture().join();
        assertThat(refused.accepted()).isFalse();

        assertThat(rows(hz, "SELECT player_id, reputation, accepted_fixes, last_refusal_at_ms FROM player_motion "
                + "WHERE reputation < 100 ORDER BY player_id"))
                .containsExactly(List.of("p-bob", 90, 1L, NOW));
        assertThat(rows(hz, "SELECT cell_token, COUNT(*) AS players FROM player_motion GROUP BY cell_token"))
                .containsExactly(List.of(ann.cellToken(), 2L));
        assertTrueEventually(() -> assertThat(rows(hz, "SELECT cell_token FROM cell_presence"))
                .as("presence follows detached").containsExactly(List.of(ann.cellToken())));

    }

    @Test
    void usersExposeNoPasswordNorEmailAndJoinPlayers() {
        HazelcastInstance hz = member();
        SqlMappings.create(hz);
        hz.<String, UserRecord>getMap(GridMaps.USERS).put("root@example.org",
                new UserRecord("u-root", "root@example.org", "root", "$2a$04$secret", Role.ADMIN, true, NOW));
        hz.<String, PlayerState>getMap(GridMaps.PLAYERS).put("u-root",
                new PlayerState("u-root", 70, 7, new CollectRecord[0]));

        assertThat(columns(hz, "SELECT * FROM users"))
                .containsExactly("user_id", "username", "role", "genesis", "created_at_ms");
        assertThat(rows(hz, "SELECT * FROM users WHERE role = 'ADMIN'"))
                .containsExactly(List.of("u-root", "root", "ADMIN", true, NOW));
        for (String hidden : List.of("passwordHash", "password_hash", "email")) {
            assertThat(catchThrowable(() -> rows(hz, "SELECT " + hidden + " FROM users")))
                    .as(hidden).isInstanceOf(HazelcastSqlException.class).hasMessageContaining("not found");
        }
        assertThat(rows(hz, "SELECT TO_TIMESTAMP_TZ(created_at_ms) FROM users").get(0).get(0).toString())
                .startsWith("2023-11-14T22:13:20");
        assertThat(rows(hz, "SELECT u.username, p.balance FROM players p JOIN users u ON u.user_id = p.player_id"))
                .containsExactly(List.of("root", 70L));
    }

    @Test
    void everyExampleQueryOfTheAnalystsReadmeRuns() throws IOException {
        HazelcastInstance hz = member();
        SqlMappings.create(hz);
        hz.<String, UserRecord>getMap(GridMaps.USERS).put("ann@example.org",
                new UserRecord("p-ann", "ann@example.org", "ann", "$2a$04$hash", Role.PLAYER, false, NOW));
        hz.<String, UserRecord>getMap(GridMaps.USERS).put("bob@example.org",
                new UserRecord("p-bob", "bob@example.org", "bob", "$2a$04$hash", Role.PLAYER, true, NOW));
        hz.<String, PlayerState>getMap(GridMaps.PLAYERS).put("p-ann", new PlayerState("p-ann", 20, 2, new CollectRecord[0]));
        GameServices game = GameServices.create(hz, config, clock);
        LocationService location = game.location();
        location.update("p-ann", "ann", new Fix(LAT, LNG, 5, NOW, null, null), 0).toCompletableFuture().join();
        location.update("p-bob", "bob", new Fix(LAT, LNG, 500, NOW, null, null), 0).toCompletableFuture().join();

        String readme = Files.readString(Path.of("..", "admin-console-config", "README.md"));
        Matcher block = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        List<String> queries = new ArrayList<>();
        while (block.find()) {
            queries.add(block.group(1).strip());
        }

        assertThat(queries).hasSizeBetween(6, 10);
        for (String query : queries) {
            assertThat(catchThrowable(() -> rows(hz, query))).as(query).isNull();
        }
        assertThat(rows(hz, queries.get(0))).as("top balances").containsExactly(List.of("ann", 20L, 2L));
    }

    /** Puts the player at the test position with an accepted fix; returns the coins of that cell. */
    private Coin[] standAt(HazelcastInstance hz, LocationService location, String player) {
        MotionResult r = location.update(player, player, new Fix(LAT, LNG, 5, NOW, null, null), 0).toCompletableFuture().join();
        assertThat(r.accepted()).as("fix of %s", player).isTrue();
        GameRules rules = GameRules.from(config);
        return CoinField.live(epoch -> CoinField.spawnAll(r.cellToken(), epoch, rules.spawn()), null, rules.spawn(), NOW)
                .toArray(Coin[]::new);
    }

    /** Collects {@code count} coins starting at index {@code from}, with a range wide enough for the whole cell. */
    private static void collect(CoinService coins, String player, Coin[] available, int from, int count) {
        for (Coin coin : Arrays.copyOfRange(available, from, from + count)) {
            CollectOutcome outcome = coins.collect(player, coin.id(), "key-" + coin.id(), 1.0, 1000, 0).toCompletableFuture().join();
            assertThat(outcome.status()).as("collect %s by %s", coin.id(), player)
                    .isEqualTo(CollectOutcome.Status.CREDITED);
        }
    }
}
