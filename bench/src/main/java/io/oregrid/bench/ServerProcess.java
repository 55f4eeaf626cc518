package io.oregrid.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The node under test: {@code io.oregrid.edge.OreMain serve} in a child JVM on this JVM's classpath,
 * so the load generator's heap and CPU time are not mixed with the node's. Heap is read from the
 * node's {@code /metrics} right after {@code jcmd <pid> GC.run}.
 */
public final class ServerProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ChildJvm jvm;
    private final String baseUrl;

    private ServerProcess(ChildJvm jvm, String baseUrl) {
        this.jvm = jvm;
        this.baseUrl = baseUrl;
    }

    /** The collector {@code ./ore serve} ships (the launcher's default when {@code JAVA_OPTS} names none). */
    public static final String SHIPPED_GC = "-XX:+UseZGC";

    /**
     * Starts a node with the collector {@code ./ore serve} ships and waits (up to 90 s) until {@code /health}
     * answers 200.
     *
     * @param xmx the node's maximum heap, e.g. {@code 3g}
     * @param env {@code ORE_*} settings on top of the defaults
     */
    public static ServerProcess start(String xmx, Map<String, String> env, Path log) throws InterruptedException {
        return start(List.of(), List.of("-Xmx" + xmx, "-Xms" + xmx, SHIPPED_GC), "io.oregrid.edge.OreMain",
                List.of("serve"), env, log);
    }

    /**
     * Starts {@code mainClass} as an HTTP node on a free port (passed as {@code ORE_HTTP_HOST}
     * 127.0.0.1 and {@code ORE_HTTP_PORT}) and waits (up to 90 s) until {@code /health} answers 200.
     *
     * @param cpuPrefix e.g. {@code taskset -c 1}, or empty
     */
    public static ServerProcess start(List<String> cpuPrefix, List<String> jvmArgs, String mainClass, List<String> args,
                               Map<String, String> env, Path log) throws InterruptedException {
        int port = ChildJvm.freePort();
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("ORE_HTTP_HOST", "127.0.0.1");
        all.put("ORE_HTTP_PORT", Integer.toString(port));
        ChildJvm jvm = ChildJvm.start(cpuPrefix, jvmArgs, mainClass, args, all, log);
        ServerProcess server = new ServerProcess(jvm, "http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!jvm.isAlive()) {
                throw new IllegalStateException("the node exited; see " + log);
            }
            if (server.healthy()) {
                return server;
            }
            Thread.sleep(200);
        }
        server.close();
        throw new IllegalStateException("the node did not become healthy within 90 s; see " + log);
    }

    /** @return the node's process id (for jcmd and taskset) */
    public long pid() {
        return jvm.pid();
    }

    public String baseUrl() {
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
    public long heapUsedAfterGc() throws IOException, InterruptedException {
        Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(jvm.pid()), "GC.run").redirectErrorStream(true).start();
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
    public double metric(String prefix) throws IOException, InterruptedException {
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
        jvm.close();
    }
}
