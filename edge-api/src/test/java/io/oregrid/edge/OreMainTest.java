package io.oregrid.edge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies the launcher's exit codes: a bad configuration or bad usage exits 2 with a message and no stack trace. */
class OreMainTest {

    @Test
    void badConfigurationExits2WithItsMessageAndNoStackTrace(@TempDir Path dir) throws IOException {
        Path yaml = Files.writeString(dir.resolve("ore.yaml"), "http:\n  port: 99999\n");
        StringWriter err = new StringWriter();
        CommandLine cli = OreMain.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int status = cli.execute("serve", "--config", yaml.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("configuration error", "ORE_HTTP_PORT").doesNotContain("\tat ");
    }

    @Test
    void demoRefusesASpeedBelowRealTime() {
        StringWriter err = new StringWriter();
        CommandLine cli = OreMain.commandLine();
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("demo", "--speed", "0.5")).isEqualTo(2);
        assertThat(err.toString()).contains("--speed must be a number >= 1");
    }

    @Test
    void withoutASubcommandPrintsUsageAndExits2() {
        StringWriter err = new StringWriter();
        CommandLine cli = OreMain.commandLine();
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute()).isEqualTo(2);
        assertThat(err.toString()).contains("serve", "demo");
    }

    @Test
    void demoHelpExplainsTheFastClock() {
        StringWriter out = new StringWriter();
        CommandLine cli = OreMain.commandLine();
        cli.setOut(new PrintWriter(out, true));

        assertThat(cli.execute("demo", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("--speed", "faster than real time", "same clock");
    }
}
