package io.oregrid.admin;

import java.io.IOException;
import java.io.File;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * An all-in-one ORE node ({@code OreMain serve}) in a child JVM, started from edge-api's packaged
 * launcher ({@code edge-api/target/edge-api.jar} plus {@code edge-api/target/lib/*}) exactly as
 * {@code ./ore serve} runs it, on free ports with a random cluster name. Its member binds
 * 127.0.0.1 only. Output (stdout and stderr) goes to {@code target/<cluster>.log}.
 */
final class ChildNode implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    final String clusterName = "jdbc-" + UUID.randomUUID();
    final int httpPort;
    final int memberPort;
    private final Path log;
    private final Process process;

    /**
     * Starts the node and waits until {@code GET /health} answers 200.
     *
     * @param extraEnv {@code ORE_*} settings on top of the defaults (cluster name and ports are set here)
     * @throws IllegalStateException when edge-api is not packaged, the node exits, or it is not healthy in time
     */
    ChildNode(Map<String, String> extraEnv) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("ore.root", "..")).toRealPath();
        Path jar = root.resolve("edge-api/target/edge-api.jar");
        Path lib = root.resolve("edge-api/target/lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new IllegalStateException(jar + " or " + lib + " is missing: package edge-api first "
                    + "(mvn -o -B install -DskipTests, or run this module with -am)");
        }
        httpPort = freePort();
        memberPort = freePort();
        log = root.resolve("admin-console-config/target").resolve(clusterName + ".log");
        Files.createDirectories(log.getParent());

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("ore.hz.jvm.opens", "").trim().split("\\s+")));
        command.addAll(List.of("-Xmx512m", "-Dhazelcast.local.localAddress=127.0.0.1",
                "-Dhazelcast.phone.home.enabled=false", "-Dhazelcast.logging.type=slf4j",
                "-cp", jar + File.pathSeparator + lib.resolve("*"),
                "io.oregrid.edge.OreMain", "serve"));
        command.removeIf(String::isEmpty);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("ORE_"));
        env.putAll(extraEnv);
        env.put("ORE_CLUSTER_NAME", clusterName);
        env.put("ORE_HTTP_HOST", "127.0.0.1");
        env.put("ORE_HTTP_PORT", Integer.toString(httpPort));
        env.put("ORE_MEMBER_PORT", Integer.toString(memberPort));
        process = builder.start();
        try {
            awaitHealthy();
        } catch (RuntimeException | InterruptedException | IOException e) {
            close();
            throw e;
        }
    }

    /** @return {@code http://127.0.0.1:<httpPort>} */
    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** @return the last lines the node printed, for failure messages */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (status(http, health) == 200) {
                return;
            }
            // The pause between polls doubles as the check that the node is still alive.
            if (process.waitFor(250, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("node exited with status " + process.exitValue() + ":\n" + logTail());
            }
        }
        throw new IllegalStateException("node not healthy within " + START_TIMEOUT.toSeconds() + " s:\n" + logTail());
    }

    /** @return the response status, or -1 while nothing listens on the port yet */
    private static int status(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (ConnectException | HttpTimeoutException notUpYet) {
            return -1;
        }
    }

    /** Stops the node: SIGTERM (graceful), then a forced kill if it has not exited in time. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
