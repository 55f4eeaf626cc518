package io.oregrid.edge.liveops;

import io.oregrid.node.liveops.EventSignatures;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code ./ore send-event FILE}: signs one event file the way a game server does
 * ({@code X-Signature: t=<now>,v1=<hex HMAC-SHA256 of "<t>." + file bytes>}, key
 * {@code ORE_EVENTS_HMAC_SECRET}) and posts it to {@code /events} with an Idempotency-Key, then
 * prints the status, the replay header and the body. The secret is read from the environment only
 * and never printed. Exit status: 0 the event was accepted (2xx), 1 refused or unreachable, 2 bad usage.
 */
@Command(name = "send-event", mixinStandardHelpOptions = true,
        description = {"Sign one game-server event file and POST it to a running node's /events.",
                "The secret comes from ORE_EVENTS_HMAC_SECRET (never printed). Samples: sample-data/events/*.json.",
                "Exit status: 0 accepted, 1 refused or unreachable, 2 bad usage."})
public final class SendEventCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The event JSON, sent byte for byte.")
    Path file;

    @Option(names = "--url", defaultValue = "http://localhost:8080", paramLabel = "<base url>",
            description = "The node's edge (default ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--key", paramLabel = "<idempotency key>",
            description = "Idempotency-Key to send (default: a new UUID; repeat a key to see the replay).")
    String key;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String secret = System.getenv("ORE_EVENTS_HMAC_SECRET");
        if (secret == null || secret.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "ORE_EVENTS_HMAC_SECRET is not set");
        }
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + file);
        }
        byte[] body = Files.readAllBytes(file);
        String idempotencyKey = key == null ? UUID.randomUUID().toString() : key;
        long t = Math.floorDiv(System.currentTimeMillis(), 1000L);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + "/events"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(EventSignatures.HEADER, EventSignatures.sign(secret.trim().getBytes(StandardCharsets.UTF_8), t, body))
                .header(LiveOpsRoutes.IDEMPOTENCY_KEY, idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        PrintWriter out = spec.commandLine().getOut();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            spec.commandLine().getErr().println("ore send-event: cannot reach " + url + ": " + e.getMessage());
            return 1;
        }
        out.println(response.statusCode() + " Idempotency-Key: " + idempotencyKey
                + response.headers().firstValue(LiveOpsRoutes.REPLAYED).map(v -> " (" + LiveOpsRoutes.REPLAYED + ": " + v + ")").orElse(""));
        out.println(response.body());
        out.flush();
        return response.statusCode() / 100 == 2 ? 0 : 1;
    }
}
