package io.oregrid.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies that the official Hazelcast JDBC driver ({@code com.hazelcast:hazelcast-jdbc}, on this
 * module's test classpath alone) queries a running ORE node - started from the packaged launcher
 * in a child JVM - and reads what players produced through the public HTTP API.
 *
 * <p>Seeding: three players register, send one fix at the same place, list the coins there and
 * collect 3, 1 and 2 of them. The node runs with bronze coins only (value 10) and a 1000 m collect
 * range so that every coin of the cell is collectable from where they stand; balances are then
 * exactly 30, 10 and 20.
 */
class JdbcDriverTest {
    private static final double LAT = -10.9393, LNG = -37.0627;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static ChildNode node;
    private static String annId, bobId, cidId;

    @BeforeAll
    static void startNodeAndPlay() throws Exception {
        node = new ChildNode(Map.of("ORE_BCRYPT_COST", "4", "ORE_COLLECT_RANGE_M", "1000",
                "ORE_COIN_SILVER_PCT", "0", "ORE_COIN_GOLD_PCT", "0"));
        try {
            Player ann = Player.register("ann");
            Player bob = Player.register("bob");
            Player cid = Player.register("cid");
            annId = ann.id;
            bobId = bob.id;
            cidId = cid.id;
            for (Player p : List.of(ann, bob, cid)) {
                p.standAt(LAT, LNG);
            }
            List<String> coins = ann.nearbyCoinIds();
            assertThat(coins).as("coins around the players").hasSizeGreaterThanOrEqualTo(6);
            ann.collect(coins.subList(0, 3));
            bob.collect(coins.subList(3, 4));
            cid.collect(coins.subList(4, 6));
        } catch (Exception | AssertionError e) {
            throw new AssertionError("seeding through the HTTP API failed; node log:\n" + node.logTail(), e);
        }
    }

    @AfterAll
    static void stopNode() throws InterruptedException {
        if (node != null) {
            node.close();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:hazelcast://127.0.0.1:" + node.memberPort
                + "/?clusterName=" + node.clusterName);
    }

    @Test
    void selectsPlayersWithWhereAndOrderBy() throws SQLException {
        try (Connection db = connect(); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT player_id, balance, coins_collected FROM players "
                     + "WHERE balance >= 20 ORDER BY balance DESC")) {
            assertThat(rows(rs)).containsExactly(List.of(annId, 30L, 3L), List.of(cidId, 20L, 2L));
        }
    }

    @Test
    void joinsPlayersToUsernamesWithAParameter() throws SQLException {
        String sql = "SELECT u.username, p.balance FROM players p JOIN users u ON u.user_id = p.player_id "
                + "WHERE p.balance < ? ORDER BY p.balance";
        try (Connection db = connect(); PreparedStatement st = db.prepareStatement(sql)) {
            st.setLong(1, 25);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rows(rs)).containsExactly(List.of("bob", 10L), List.of("cid", 20L));
            }
        }
    }

    @Test
    void seesEveryPlayersMotionInOneCellAndNoPasswordColumn() throws SQLException {
        try (Connection db = connect(); Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT player_id, accepted_fixes, reputation FROM player_motion "
                    + "WHERE cell_token IS NOT NULL ORDER BY player_id")) {
                List<List<Object>> expected = new ArrayList<>();
                for (String id : List.of(annId, bobId, cidId).stream().sorted().toList()) {
                    expected.add(List.of(id, 1L, 100));
                }
                assertThat(rows(rs)).isEqualTo(expected);
            }
            try (ResultSet rs = st.executeQuery("SELECT * FROM users ORDER BY username")) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i));
                }
                assertThat(columns).containsExactly("user_id", "username", "role", "genesis", "created_at_ms");
                assertThat(rows(rs)).extracting(r -> r.get(1)).containsExactly("ann", "bob", "cid");
            }
        }
    }

    /** Reads every row of {@code rs}, each as the list of its column values. */
    private static List<List<Object>> rows(ResultSet rs) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= columns; i++) {
                row.add(rs.getObject(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** A registered player talking to the node's public API (SPEC "API contract v1"). */
    private static final class Player {
        final String id;
        final String token;

        private Player(String id, String token) {
            this.id = id;
            this.token = token;
        }

        static Player register(String username) throws IOException, InterruptedException {
            JsonNode session = call("POST", "/api/v1/auth/register", null, Map.of(), Map.of(
                    "email", username + "@example.org", "username", username, "password", "correct-horse-" + username),
                    201);
            return new Player(session.path("user").path("id").asText(), session.path("access_token").asText());
        }

        void standAt(double lat, double lng) throws IOException, InterruptedException {
            JsonNode r = call("POST", "/api/v1/location/update", token, Map.of(), Map.of(
                    "lat", lat, "lng", lng, "accuracy", 5, "timestamp", System.currentTimeMillis()), 200);
            assertThat(r.path("accepted").asBoolean()).as("fix accepted: %s", r).isTrue();
        }

        List<String> nearbyCoinIds() throws IOException, InterruptedException {
            JsonNode r = call("GET", "/api/v1/game/coins/nearby?radius=500", token, Map.of(), null, 200);
            List<String> ids = new ArrayList<>();
            r.path("coins").forEach(c -> ids.add(c.path("id").asText()));
            return ids;
        }

        void collect(List<String> coinIds) throws IOException, InterruptedException {
            for (String coin : coinIds) {
                JsonNode r = call("POST", "/api/v1/game/coins/" + coin + "/collect", token,
                        Map.of("Idempotency-Key", "k-" + coin), Map.of(), 200);
                assertThat(r.path("value").asLong()).as("credit of %s", r).isEqualTo(10);
            }
        }

        private static JsonNode call(String method, String path, String token, Map<String, String> headers,
                                     Object body, int expectedStatus) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                    .timeout(Duration.ofSeconds(20))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s -> %s", method, path, response.body()).isEqualTo(expectedStatus);
            return JSON.readTree(response.body());
        }
    }
}
