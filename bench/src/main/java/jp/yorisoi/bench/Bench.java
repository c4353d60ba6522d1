package jp.yorisoi.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the benchmarks side by side in one run and prints one results table (Markdown) with the machine, the date
 * and the command: {@code scripts/bench [--readers N] [--economy-readers M] [--sender-readers S] [--towns T]
 * [--launches L]}. Figures are printed, never asserted.
 */
public final class Bench {

    public static void main(String[] args) throws Exception {
        int readers = 100_000;
        Integer economyReaders = null;
        Integer senderReaders = null;
        int towns = BenchTown.TOWNS;
        int launches = ColdStartBench.LAUNCHES;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--readers" -> readers = Integer.parseInt(args[++i]);
                case "--economy-readers" -> economyReaders = Integer.parseInt(args[++i]);
                case "--sender-readers" -> senderReaders = Integer.parseInt(args[++i]);
                case "--towns" -> towns = Integer.parseInt(args[++i]);
                case "--launches" -> launches = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("usage: scripts/bench [--readers N] [--economy-readers M]"
                        + " [--sender-readers S] [--towns T] [--launches L]");
            }
        }
        int economy = economyReaders == null ? readers : economyReaders;
        print(run(readers, economy, senderReaders == null ? economy : senderReaders, towns,
                List.copyOf(ColdStartBench.FUNCTIONS.keySet()), launches), "scripts/bench " + String.join(" ", args));
        System.exit(0);
    }

    /**
     * Benchmark 1 at {@code readers} and twice as many, benchmark 2 at {@code economyReaders}, benchmark 4 (the cold
     * start of {@code coldStartFunctions}, each row the median of {@code launches}), benchmark 3 at
     * {@code senderReaders}, then benchmark 5 from their figures.
     */
    static List<Row> run(int readers, int economyReaders, int senderReaders, int towns, List<String> coldStartFunctions,
            int launches) throws Exception {
        FanOutBench.Result fanOut = FanOutBench.measure(readers, towns);
        EconomyBench.Result economy = EconomyBench.measure(economyReaders, towns);
        List<Row> rows = new ArrayList<>(fanOut.rows());
        rows.addAll(economy.rows());
        rows.addAll(ColdStartBench.run(coldStartFunctions, launches));
        SenderBench.Result sender = SenderBench.measure(senderReaders, towns);
        rows.addAll(sender.rows());
        rows.addAll(NationalScale.rows(
                new NationalScale.Measured(fanOut.figures(), economy.figures(), sender.figures()),
                NationalScale.Deployment.fromTemplate(), NationalScale.Prices.LISTED));
        return rows;
    }

    static void print(List<Row> rows, String command) {
        System.out.println(table(rows, command));
    }

    static String table(List<Row> rows, String command) {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long memory = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : -1;
        StringBuilder out = new StringBuilder();
        out.append(String.format("Machine: %d CPUs (nproc), %.1f GiB memory, %s %s, JDK %s (%s)%n",
                Runtime.getRuntime().availableProcessors(), memory / (1024.0 * 1024 * 1024), os.getName(),
                os.getArch(), Runtime.version(), System.getProperty("java.vm.name")));
        out.append(String.format("Date: %s; load average at the end %.2f%n", Instant.now().truncatedTo(ChronoUnit.SECONDS),
                os.getSystemLoadAverage()));
        out.append("Command: ").append(command).append("\n\n");
        out.append("| Benchmark | Figure | Measured | Target | |\n|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append(String.format("| %s | %s | %s | %s | %s |%n", row.benchmark(), row.figure(), row.value(),
                    row.target(), row.verdict()));
        }
        return out.toString();
    }
}
