package io.oregrid.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.YamlClientConfigBuilder;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies that the operators' files work against a running node: Management Center's client
 * configuration connects (with the node's cluster name and port put in, as the file tells the
 * operator to do) and sees the SQL tables, and Prometheus' scrape path serves metrics. The
 * Hazelcast client classes used here are the 5.5 client bundled in the JDBC driver (this module's
 * classpath has no other Hazelcast).
 */
class OperationsConfigTest {
    private static final Path HERE = Path.of(System.getProperty("ore.root", "..")).resolve("admin-console-config");
    private static ChildNode node;

    @BeforeAll
    static void startNode() throws Exception {
        node = new ChildNode(Map.of());
    }

    @AfterAll
    static void stopNode() throws InterruptedException {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void managementCenterClientConfigHasTheNodeDefaultsAndConnects() throws IOException {
        ClientConfig config = new YamlClientConfigBuilder(
                HERE.resolve("management-center/ore-grid-client.yaml").toFile()).build();
        assertThat(config.getClusterName()).isEqualTo("ore-grid");
        assertThat(config.getNetworkConfig().getAddresses()).containsExactly("127.0.0.1:5701");

        config.setClusterName(node.clusterName);
        config.getNetworkConfig().setAddresses(List.of("127.0.0.1:" + node.memberPort));
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(10_000);
        HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
        try {
            assertThat(client.getCluster().getMembers()).hasSize(1);
            List<String> mappings = new ArrayList<>();
            try (SqlResult result = client.getSql().execute("SHOW MAPPINGS")) {
                for (SqlRow row : result) {
                    mappings.add(row.getObject(0));
                }
            }
            assertThat(mappings).containsExactlyInAnyOrder("players", "player_motion", "cell_presence", "coin_claims",
                    "outcomes", "users",
                    "suspicious_events", "liveops_players");
        } finally {
            client.shutdown();
        }
    }

    @Test
    void prometheusScrapesTheNodesMetricsPath() throws IOException, InterruptedException {
        JsonNode prometheus = new ObjectMapper(new YAMLFactory())
                .readTree(Files.readString(HERE.resolve("prometheus/prometheus.yml")));
        JsonNode job = prometheus.path("scrape_configs").get(0);
        assertThat(job.path("job_name").asText()).isEqualTo("ore-edge");
        assertThat(job.path("static_configs").get(0).path("targets").get(0).asText()).isEqualTo("127.0.0.1:8080");

        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(node.baseUrl() + job.path("metrics_path").asText())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(scrape.body()).contains("# TYPE jvm_memory_used_bytes gauge");
    }
}
