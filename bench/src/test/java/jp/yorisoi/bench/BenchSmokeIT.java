package jp.yorisoi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The benchmark harness at a small size, so it cannot rot between runs of scripts/bench: every benchmark runs end
 * to end (the fan-out probes in their own JVMs, the sender path against the LINE stub) and each yields its rows.
 * Timings are not asserted: they are figures, not tests.
 */
class BenchSmokeIT {

    @Test
    void everyBenchmarkRunsEndToEndAndPrintsItsRows() throws Exception {
        // three towns, not thirty: the smoke run checks the harness, and a part per (town, segment) costs a Query
        // Bench.run would also launch all five function jars (benchmark 4): the test below launches one
        List<Row> rows = new java.util.ArrayList<>(FanOutBench.run(300, 3));
        rows.addAll(EconomyBench.run(100, 3));
        rows.addAll(SenderBench.run(100, 3));

        Set<String> benchmarks = rows.stream().map(Row::benchmark).collect(Collectors.toSet());
        assertEquals(Set.of(FanOutBench.NAME, EconomyBench.NAME, SenderBench.NAME), benchmarks);
        assertTrue(rows.stream().anyMatch(r -> r.figure().equals("sender rate / raw HTTP rate")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.figure().equals("time(2N) / time(N)")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.figure().startsWith("fan-out peak live heap at 600")),
                rows.toString());
        // the count is exact: one push per reader, whatever the machine (requests may add retries after time-outs)
        assertTrue(rows.stream().anyMatch(r -> r.figure().equals("LINE pushes accepted per reader-day")
                && r.value().equals("1.000")), rows.toString());
        String table = Bench.table(rows, "smoke");
        System.out.println(table);
        assertEquals(rows.size(), table.lines().filter(l -> l.startsWith("| " + FanOutBench.NAME)
                || l.startsWith("| " + EconomyBench.NAME) || l.startsWith("| " + SenderBench.NAME)).count(), table);
    }

    @Test
    void theColdStartBenchmarkLaunchesOneFunctionJarAndItsFloorAndPrintsTheirRows() throws Exception {
        List<Row> rows = ColdStartBench.run(List.of("fan-out"));

        assertTrue(rows.stream().anyMatch(r -> r.benchmark().equals(ColdStartBench.NAME)
                && r.figure().startsWith("fan-out: JVM start → first call done")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.figure().startsWith("fan-out primed:")), rows.toString());
    }
}
