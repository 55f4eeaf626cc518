package io.oregrid.edge;

import io.oregrid.edge.demo.DemoOptions;
import io.oregrid.edge.sql.SqlCommand;
import io.oregrid.edge.liveops.SendEventCommand;
import io.oregrid.edge.demo.DemoReport;
import io.oregrid.edge.demo.DemoRunner;
import io.oregrid.edge.demo.DemoSummary;
import io.oregrid.edge.ops.Version;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.config.ConfigException;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.traces.GoTrackTraces;
import io.oregrid.node.traces.Trip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code ./ore} command line: {@code serve} runs an all-in-one node until stopped,
 * {@code demo} runs one and replays the bundled real GPS traces against it. Exit codes: 0 done,
 * 1 the node or the demo could not run, 2 bad usage or a bad configuration (message, no stack trace).
 */
@Command(name = "ore", mixinStandardHelpOptions = true, versionProvider = OreMain.VersionProvider.class,
        description = "ORE Grid: an embedded-grid backend for a location-based AR game.",
        subcommands = {OreMain.Serve.class, OreMain.Demo.class, SqlCommand.class, SendEventCommand.class})
public final class OreMain implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(OreMain.class);
    /** Exit status for a configuration error (ConfigException) or bad usage. */
    static final int EXIT_CONFIG = 2;
    /** Exit status when the node or the demo could not run. */
    static final int EXIT_FAILED = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits the JVM with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The parser with the exit-code mapping, for {@link #main} and tests. */
    static CommandLine commandLine() {
        return new CommandLine(new OreMain()).setExecutionExceptionHandler(OreMain::failed);
    }

    /** Without a subcommand: usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: serve, demo, sql or send-event");
    }

    /** Maps a failure while running a subcommand to an exit status; a bad configuration gets no stack trace. */
    private static int failed(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ConfigException) {
                cmd.getErr().println("ore " + cmd.getCommandName() + ": configuration error: " + t.getMessage());
                return EXIT_CONFIG;
            }
        }
        LOG.error("ore {} failed", cmd.getCommandName(), ex);
        cmd.getErr().println("ore " + cmd.getCommandName() + " could not run: " + ex);
        return EXIT_FAILED;
    }

    /** {@code ore serve}: an all-in-one node at real time, until SIGTERM or Ctrl-C. */
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = {"Start an all-in-one node (grid member + HTTP edge) and serve until stopped. "
                    + "SIGTERM or Ctrl-C stops it gracefully (edge first, then the member leaves) and exits 0.",
                    "Configuration: defaults, overlaid by --config and then by ORE_* environment variables."})
    static final class Serve implements Callable<Integer> {
        @Option(names = "--config", paramLabel = "<yaml>", description = "YAML configuration file (optional).")
        Path config;

        @Override
        public Integer call() throws InterruptedException {
            OreConfig cfg = OreConfig.load(config);
            OreServer server = OreServer.start(cfg, GameClock.system());
            PrintStream out = System.out;
            out.println("ORE node serving at " + server.baseUrl());
            out.println("  cluster:     " + cfg.clusterName());
            out.println("  persistence: " + persistence(cfg));
            out.println("  stop with SIGTERM or Ctrl-C");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, stopped), "ore-shutdown"));
            stopped.await();
            return 0;
        }

        /**
         * Runs in the shutdown hook: closes the server and ends the JVM with 0 (graceful) or 1. A
         * signal-initiated shutdown would otherwise exit 128+signal; halting from the last hook is
         * how a JVM chooses its status then (Hazelcast's and Log4j's own hooks are disabled).
         */
        private static void stop(OreServer server, CountDownLatch stopped) {
            int status = 0;
            System.out.println("stopping: edge first, then the member leaves the cluster");
            try {
                server.close();
                System.out.println("stopped");
            } catch (RuntimeException e) {
                LOG.error("graceful shutdown failed", e);
                status = EXIT_FAILED;
            }
            stopped.countDown();
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(status);
        }
    }

    /** {@code ore demo}: a node on a fast clock, the real traces replayed against it, a summary. */
    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = {"Start an all-in-one node, replay the bundled real GPS traces (Go!Track, Aracaju; "
                    + "UCI dataset 354, CC BY 4.0) against it over HTTP as concurrent players, print progress "
                    + "and a summary, then stop the node.",
                    "One player per distinct trip (146); at most one fix per 30 s of trace time with the real "
                    + "positions and time gaps, shifted to the node's present; every fix reports a fixed 8 m "
                    + "accuracy because the traces carry none. Players start one after another over the first "
                    + "5 s of real time. Anti-cheat judges these players exactly as live ones."})
    static final class Demo implements Callable<Integer> {
        @Option(names = "--speed", defaultValue = "60", paramLabel = "<x>",
                description = "Run the node's clock this many times faster than real time (>= 1; default "
                        + "${DEFAULT-VALUE}). Every rule - fix age, clock skew, speed, acceleration, rate limits, "
                        + "token and coin expiry - reads that same clock, so the rules stay exactly the same. "
                        + "At 60, 30 s of trace time pass in 0.5 s and the longest trip (about 7,000 s) takes "
                        + "about 2 minutes.")
        double speed;

        @Option(names = "--port", defaultValue = "0", paramLabel = "<port>",
                description = "HTTP port of the demo node (default 0: any free port).")
        int port;

        @Option(names = "--config", paramLabel = "<yaml>", description = "YAML configuration file (optional).")
        Path config;

        @Option(names = "--players", paramLabel = "<n>",
                description = "Replay only the first n distinct trips (default: all of them).")
        Integer players;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!(speed >= 1) || Double.isInfinite(speed)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--speed must be a number >= 1, got " + speed);
            }
            if (players != null && players < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--players must be >= 1, got " + players);
            }
            List<Trip> trips = GoTrackTraces.load();
            if (players != null && players < trips.size()) {
                trips = trips.subList(0, players);
            }
            OreConfig cfg = OreConfig.load(config).withHttpPort(port);
            GameClock clock = GameClock.scaled(speed);
            PrintStream out = System.out;
            try (OreServer server = OreServer.start(cfg, clock)) {
                out.printf("demo node up at %s (cluster %s, persistence %s)%n%n", server.baseUrl(), cfg.clusterName(),
                        persistence(cfg));
                DemoOptions options = DemoOptions.defaults(URI.create(server.baseUrl()), speed);
                DemoSummary summary = new DemoRunner(options, clock, out).run(trips);
                out.print(DemoReport.summary(summary, speed));
                out.println("stopping the demo node");
                if (summary.players() == 0) {
                    spec.commandLine().getErr().println("ore demo could not run: no player could register");
                    return EXIT_FAILED;
                }
                return 0;
            }
        }
    }

    private static String persistence(OreConfig cfg) {
        return cfg.persistenceEnabled() ? "postgresql" : "memory";
    }

    /** {@code --version}: the build's version from the jar manifest. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"ORE Grid " + Version.current()};
        }
    }
}
