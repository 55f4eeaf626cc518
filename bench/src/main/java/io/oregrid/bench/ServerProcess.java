package io.oregrid.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The node under test: {@code io.oregrid.edge.OreMain serve} in a child JVM on this JVM's classpath,
 * so the load generator's heap and CPU time are not mixed with the node's. Heap is read from the
 * node's {@code /metrics} right after {@code jcmd <pid> GC.run}.
 */
final class ServerProcess implements AutoCloseable {
    /** Hazelcast on Java 17 (the same opens as the build's {@code hz.jvm.opens}). */
    private static final List<String> HZ_OPENS = List.of("--add-modules", "java.se",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final String baseUrl;

    private ServerProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts a node and waits (up to 90 s) until {@code /health} answers 200.
     *
     * @param xmx the node's maximum heap, e.g. {@code 3g}
     * @param env {@code ORE_*} settings on top of the defaults
     */
    static ServerProcess start(String xmx, Map<String, String> env, Path log) throws InterruptedException {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx, "-Xms" + xmx, "-Dhazelcast.phone.home.enabled=false"));
        cmd.addAll(HZ_OPENS);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.oregrid.edge.OreMain", "serve"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("ORE_HTTP_HOST", "127.0.0.1");
        pb.environment().put("ORE_HTTP_PORT", Integer.toString(port));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the node", e);
        }
        ServerProcess server = new ServerProcess(p, "http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the node exited with " + p.exitValue() + "; see " + log);
            }
            if (server.healthy()) {
                return server;
            }
            p.waitFor(200, TimeUnit.MILLISECONDS);
        }
        server.close();
        throw new IllegalStateException("the node did not become healthy within 90 s; see " + log);
    }

    String baseUrl() {
        return baseUrl;
    }

    private boolean healthy() {
        try {
            return get("/health").statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the node's heap in use right after a full GC, bytes */
    long heapUsedAfterGc() throws IOException, InterruptedException {
        Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), "GC.run").redirectErrorStream(true).start();
        gc.getInputStream().readAllBytes();
        gc.waitFor(60, TimeUnit.SECONDS);
        double used = 0;
        for (String line : metrics()) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) used;
    }

    /** @return the value of the first {@code /metrics} line starting with {@code prefix}, or NaN */
    double metric(String prefix) throws IOException, InterruptedException {
        for (String line : metrics()) {
            if (line.startsWith(prefix)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }

    private List<String> metrics() throws IOException, InterruptedException {
        return get("/metrics").body().lines().toList();
    }

    private HttpResponse<String> get(String path) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Stops the node gracefully (SIGTERM), forcibly after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
