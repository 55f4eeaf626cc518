package io.oregrid.edge.sql;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.sql.HazelcastSqlException;
import com.hazelcast.sql.SqlColumnMetadata;
import com.hazelcast.sql.SqlColumnType;
import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import com.hazelcast.sql.SqlStatement;
import io.oregrid.node.config.OreConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code ./ore sql "<query>"}: runs one SQL statement against a running cluster as a Hazelcast
 * client and prints the rows as an aligned table ({@link TextTable}). The mappings it can query
 * are those of {@code grid-node/src/main/resources/sql/mappings.sql}.
 *
 * <p>Exit codes: {@value #EXIT_OK} the statement ran; {@value #EXIT_SQL_ERROR} the cluster refused
 * it (the message is printed, no stack trace); {@value #EXIT_NO_CLUSTER} no member of that cluster
 * answered at the address within the timeout (picocli also exits 2 on bad usage).
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Run one SQL statement against a running ORE cluster and print the result as a table.",
                "Tables: players, player_motion, cells, users (see admin-console-config/README.md). "
                        + "Connects as a Hazelcast client; the member port must be reachable (the grid port is "
                        + "meant for the operators' network only).",
                "Exit status: 0 ran, 1 SQL error, 2 cannot connect or bad usage."})
public final class SqlCommand implements Callable<Integer> {
    /** The statement ran and its result was printed. */
    public static final int EXIT_OK = 0;
    /** The cluster refused the statement (syntax, unknown table or column, failed execution). */
    public static final int EXIT_SQL_ERROR = 1;
    /** No member of the cluster could be reached in time. */
    public static final int EXIT_NO_CLUSTER = 2;

    private static final Set<SqlColumnType> NUMERIC = EnumSet.of(SqlColumnType.TINYINT, SqlColumnType.SMALLINT,
            SqlColumnType.INTEGER, SqlColumnType.BIGINT, SqlColumnType.DECIMAL, SqlColumnType.REAL,
            SqlColumnType.DOUBLE);

    @Parameters(index = "0", paramLabel = "<query>",
            description = "The SQL statement, quoted as one argument, e.g. \"SELECT * FROM players ORDER BY balance DESC\".")
    String query;

    @Option(names = "--cluster", paramLabel = "<name>",
            description = "Cluster name (default: the node configuration's, ORE_CLUSTER_NAME or ore-grid).")
    String cluster;

    @Option(names = "--address", defaultValue = "127.0.0.1:5701", paramLabel = "<host:port>",
            description = "A member's address (default ${DEFAULT-VALUE}); the client finds the others from it.")
    String address;

    @Option(names = "--timeout", defaultValue = "5", paramLabel = "<seconds>",
            description = "How long to try to reach the cluster before giving up (default ${DEFAULT-VALUE} s).")
    int timeoutS;

    @Option(names = "--max-rows", defaultValue = "10000", paramLabel = "<n>",
            description = "Print at most this many rows (default ${DEFAULT-VALUE}); the rest are not fetched.")
    int maxRows;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (timeoutS < 1 || maxRows < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout and --max-rows must be >= 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String clusterName = cluster != null ? cluster : OreConfig.load(null).clusterName();
        HazelcastInstance client;
        try {
            client = HazelcastClient.newHazelcastClient(clientConfig(clusterName, address, timeoutS));
        } catch (IllegalStateException e) {
            err.printf("ore sql: cannot reach cluster '%s' at %s within %d s (%s)%n", clusterName, address, timeoutS,
                    e.getMessage());
            return EXIT_NO_CLUSTER;
        }
        try {
            out.print(run(client, query, maxRows));
            out.flush();
            return EXIT_OK;
        } catch (HazelcastSqlException e) {
            err.println("ore sql: " + e.getMessage());
            return EXIT_SQL_ERROR;
        } finally {
            client.shutdown();
        }
    }

    /**
     * A client configuration that fails fast: one connect attempt window of {@code timeoutS}
     * seconds, smart routing, its own logging off (the command reports failures itself).
     *
     * @param clusterName the cluster to join as a client
     * @param address     {@code host:port} of any member
     * @param timeoutS    cluster-connect timeout, seconds
     */
    static ClientConfig clientConfig(String clusterName, String address, int timeoutS) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().addAddress(address);
        config.getConnectionStrategyConfig().getConnectionRetryConfig()
                .setClusterConnectTimeoutMillis(timeoutS * 1000L);
        return config;
    }

    /**
     * Runs one statement and renders its result.
     *
     * @param hz      a member or client of the cluster
     * @param sql     the statement
     * @param maxRows rows to fetch at most
     * @return the table for a query, or an {@code OK (N rows affected)} line for other statements
     * @throws HazelcastSqlException when the cluster refuses or fails the statement
     */
    static String run(HazelcastInstance hz, String sql, int maxRows) {
        try (SqlResult result = hz.getSql().execute(new SqlStatement(sql))) {
            if (!result.isRowSet()) {
                return "OK (" + result.updateCount() + " rows affected)\n";
            }
            List<SqlColumnMetadata> meta = result.getRowMetadata().getColumns();
            List<TextTable.Column> columns = new ArrayList<>();
            for (SqlColumnMetadata c : meta) {
                columns.add(new TextTable.Column(c.getName(), NUMERIC.contains(c.getType())));
            }
            TextTable table = new TextTable(columns);
            boolean truncated = false;
            for (SqlRow row : result) {
                if (table.rowCount() == maxRows) {
                    truncated = true;
                    break;
                }
                List<Object> values = new ArrayList<>(meta.size());
                for (int i = 0; i < meta.size(); i++) {
                    values.add(row.getObject(i));
                }
                table.add(values);
            }
            return table.render() + (truncated ? "(stopped at --max-rows " + maxRows + "; more rows exist)\n" : "");
        }
    }
}
