package io.oregrid.bench.compare;

import io.oregrid.bench.ChildJvm;
import io.oregrid.bench.jmh.CellProcessorBench;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The JMH micro-benchmarks that explain a row (issue #7: "JMH where a micro-benchmark is the right
 * tool"), run through JMH's Runner API in one forked JVM with short fixed iterations so a quick run
 * stays quick, printed as score ± error with the ratio to the first benchmark of the class (the
 * baseline in the same run).
 */
final class MicroBenchmarks {

    private MicroBenchmarks() {
    }

    /** @return the printed lines (also kept for the summary) */
    static List<String> run(Bench b) throws Exception {
        b.out.println("micro-benchmarks (JMH 1.37)");
        Options options = new OptionsBuilder()
                .include(CellProcessorBench.class.getName())
                .forks(1)
                .warmupIterations(b.opt.quick ? 2 : 3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(b.opt.quick ? 3 : 5).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend(ChildJvm.HZ_OPENS.toArray(String[]::new))
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<String> lines = new ArrayList<>();
        double baseline = Double.NaN;
        for (RunResult r : results) {
            var primary = r.getPrimaryResult();
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            if (Double.isNaN(baseline)) {
                baseline = primary.getScore();
            }
            String params = r.getParams().getParamsKeys().isEmpty() ? "" : " " + String.join(",", r.getParams()
                    .getParamsKeys().stream().map(k -> k + "=" + r.getParams().getParam(k)).toList());
            lines.add(String.format(Locale.ROOT, "  %-40s %10.3f ± %.3f %s   x%.2f of %s", name + params, primary.getScore(),
                    primary.getScoreError(), primary.getScoreUnit(), primary.getScore() / baseline, "the first"));
        }
        lines.forEach(b.out::println);
        return lines;
    }
}
