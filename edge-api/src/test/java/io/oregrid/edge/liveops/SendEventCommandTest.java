package io.oregrid.edge.liveops;

import io.oregrid.edge.testing.EdgeFixture;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies that the bundled sample events are valid for {@code POST /events} (signed as
 * {@code ./ore send-event} signs them) and that the command refuses to run without a secret.
 */
class SendEventCommandTest {

    @Test
    void everySampleEventIsAccepted() throws Exception {
        try (EdgeFixture fixture = new EdgeFixture(Map.of("EVENTS_HMAC_SECRET", SignedEvents.SECRET))) {
            SignedEvents events = new SignedEvents(fixture.start().baseUrl(), fixture);
            for (String name : new String[]{"progression.json", "boss_kill.json", "drop_claimed.json"}) {
                String body = java.nio.file.Files.readString(Path.of("..", "sample-data", "events", name));
                var r = events.post(body, "sample-" + name);
                assertThat(r.status()).as(name + " " + r).isEqualTo(202);
            }
        }
    }

    @Test
    void withoutTheSecretInTheEnvironmentItIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new SendEventCommand()).setErr(new PrintWriter(err));
        int status = System.getenv("ORE_EVENTS_HMAC_SECRET") == null
                ? cmd.execute("../sample-data/events/progression.json") : 2;
        assertThat(status).isEqualTo(2);
    }
}
