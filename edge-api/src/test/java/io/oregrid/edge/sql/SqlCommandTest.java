package io.oregrid.edge.sql;

import io.oregrid.grid.GridMaps;
import io.oregrid.grid.player.CollectRecord;
import io.oregrid.grid.player.PlayerState;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.OreNode;
import io.oregrid.node.config.OreConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies that {@code ore sql} prints a table from a real member, exits 1 on SQL errors and 2 without a cluster. */
class SqlCommandTest {
    private static final String CLUSTER = "sql-cli-" + UUID.randomUUID();
    private static OreNode node;
    private static String address;

    @BeforeAll
    static void startMember() throws IOException {
        node = OreNode.start(OreConfig.defaults().with(Map.of("CLUSTER_NAME", CLUSTER,
                "MEMBER_PORT", Integer.toString(freePort()))), GameClock.system());
        address = "127.0.0.1:" + node.hazelcast().getCluster().getLocalMember().getAddress().getPort();
        var players = node.hazelcast().<String, PlayerState>getMap(GridMaps.PLAYERS);
        players.put("p-ann", new PlayerState("p-ann", 30, 3, new CollectRecord[0]));
        players.put("p-bob", new PlayerState("p-bob", 10, 1, new CollectRecord[0]));
        players.put("p-cid", new PlayerState("p-cid", 1250, 25, new CollectRecord[0]));
    }

    @AfterAll
    static void stopMember() {
        if (node != null) {
            node.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The outcome of one command line: status and what it printed. */
    private record Run(int status, String out, String err) {
    }

    private static Run sql(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SqlCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void printsTheRowsOfAQueryWithWhereAndOrderByAsATable() {
        Run run = sql("--cluster", CLUSTER, "--address", address,
                "SELECT player_id, balance, coins_collected FROM players WHERE balance >= 20 ORDER BY balance DESC");

        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo("""
                player_id | balance | coins_collected
                ----------+---------+----------------
                p-cid     |    1250 |              25
                p-ann     |      30 |               3
                (2 rows)
                """);
    }

    @Test
    void stopsAtMaxRows() {
        Run run = sql("--cluster", CLUSTER, "--address", address, "--max-rows", "1",
                "SELECT player_id FROM players ORDER BY player_id");

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo("player_id\n---------\np-ann\n(1 row)\n(stopped at --max-rows 1; more rows exist)\n");
    }

    @Test
    void aSqlErrorPrintsTheMessageWithoutStackTraceAndExits1() {
        Run run = sql("--cluster", CLUSTER, "--address", address, "SELECT no_such_column FROM players");

        assertThat(run.status()).isEqualTo(SqlCommand.EXIT_SQL_ERROR);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("ore sql: ").contains("no_such_column").doesNotContain("\tat ");
    }

    @Test
    void noClusterAtTheAddressExits2Quickly() throws IOException {
        long started = System.nanoTime();
        Run run = sql("--cluster", CLUSTER, "--address", "127.0.0.1:" + freePort(), "--timeout", "1",
                "SELECT * FROM players");
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(run.status()).isEqualTo(SqlCommand.EXIT_NO_CLUSTER);
        assertThat(run.err()).startsWith("ore sql: cannot reach cluster '" + CLUSTER + "'").doesNotContain("\tat ");
        assertThat(tookMs).isLessThan(15_000);
    }

    @Test
    void aWrongClusterNameIsTreatedAsNoCluster() {
        Run run = sql("--cluster", "not-" + CLUSTER, "--address", address, "--timeout", "1", "SELECT 1");

        assertThat(run.status()).isEqualTo(SqlCommand.EXIT_NO_CLUSTER);
        assertThat(run.err()).contains("cannot reach cluster 'not-" + CLUSTER + "' at " + address);
    }
}
