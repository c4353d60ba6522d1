package jp.yorisoi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The benchmark harness at a small size, so it cannot rot between runs of scripts/bench: every benchmark runs end
 * to end (the fan-out probes in their own JVMs, the sender path against the LINE stub, one function jar's cold
 * start) and benchmark 5 works from their figures. Timings are not asserted: they are figures, not tests.
 */
class BenchSmokeIT {

    @Test
    void everyBenchmarkRunsEndToEndAndTheNationalScaleWorksFromTheirFigures() throws Exception {
        // three towns, not thirty: the smoke run checks the harness, and a part per (town, segment) costs a Query;
        // one function jar's cold start, one launch after the discarded one
        List<Row> rows = Bench.run(300, 100, 100, 3, List.of("fan-out"), 1);

        Set<String> benchmarks = rows.stream().map(Row::benchmark).collect(Collectors.toSet());
        assertEquals(Set.of(FanOutBench.NAME, EconomyBench.NAME, ColdStartBench.NAME, SenderBench.NAME,
                NationalScale.NAME), benchmarks);
        assertTrue(rows.stream().anyMatch(r -> r.figure().equals("sender rate / raw HTTP rate")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.figure().equals("time(2N) / time(N)")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.figure().startsWith("fan-out peak live heap at 600")),
                rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.figure().startsWith("fan-out: JVM start → first call done")),
                rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.figure().startsWith("fan-out primed:")), rows.toString());
        // the count is exact: one push per reader, whatever the machine (requests may add retries after time-outs)
        assertTrue(rows.stream().anyMatch(r -> r.figure().equals("LINE pushes accepted per reader-day")
                && r.value().equals("1.000")), rows.toString());
        // benchmark 5 names the counts of this run: 600 jobs of benchmark 1's second run, 100 reader-days of benchmark 2
        assertTrue(rows.stream().anyMatch(r -> r.benchmark().equals(NationalScale.NAME)
                && r.figure().contains("600 jobs in")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.benchmark().equals(NationalScale.NAME)
                && r.figure().startsWith("DynamoDB on-demand per reader-year") && r.figure().contains("for 100 reader-days")),
                rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.figure().startsWith("AWS per reader-year")
                && r.value().startsWith("$")), rows.toString());
        String table = Bench.table(rows, "smoke");
        System.out.println(table);
        assertEquals(rows.size(), table.lines().filter(l -> benchmarks.stream().anyMatch(b -> l.startsWith("| " + b)))
                .count(), table);
    }

    @Test
    void theNationalScaleReadsItsDeploymentFromTemplateYamlAndTheFanOutsCode() {
        // template.yaml today: 1,024 MB for every function, a 900 s fan-out retried twice, at most 50 LINE senders;
        // FanOutService keeps 120 s in hand and runs 16 parts at once
        assertEquals(new NationalScale.Deployment(1024, 1024, 900, 2, 50, 120_000, 16),
                NationalScale.Deployment.fromTemplate());
    }
}
