package jp.yorisoi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jp.yorisoi.bench.NationalScale.Deployment;
import jp.yorisoi.bench.NationalScale.EconomyFigures;
import jp.yorisoi.bench.NationalScale.FanOutFigures;
import jp.yorisoi.bench.NationalScale.Measured;
import jp.yorisoi.bench.NationalScale.Prices;
import jp.yorisoi.bench.NationalScale.SenderFigures;
import org.junit.jupiter.api.Test;

/** Benchmark 5's arithmetic on fixed measured figures: every output worked out by hand. */
class NationalScaleTest {

    /** As template.yaml declares it today: 1,024 MB, a 900 s fan-out retried twice, 50 senders; 120 s reserve, 16 parts. */
    private static final Deployment DEPLOYED = new Deployment(1024, 1024, 900, 2, 50, 120_000, 16);
    /** 20,000 reader-days: 1 RRU and 2 WRU each, 400 log bytes each, full batches of ten. */
    private static final EconomyFigures ECONOMY = new EconomyFigures(20_000, 2_100, 2_016, 2_000, 2_000, 20_000,
            40_000, 8_000_000, 20_030);
    /** 200 ms per batch of ten. */
    private static final SenderFigures SENDER = new SenderFigures(200, 40_000);

    @Test
    void aFanOutOf4000JobsPerSecondEnqueuesThreeMillionIn750SecondsInOneInvocation() {
        List<Row> rows = rows(new FanOutFigures(200_000, 50_000));

        assertEquals("4,000 jobs/s", row(rows, "fan-out enqueue rate used").value());
        Row time = row(rows, "fan-out of 3,000,000 readers in 1,700 towns");
        assertEquals("750", time.value());
        assertEquals("≤ 1,800", time.target());
        assertEquals("met", time.verdict());
        assertEquals("1", row(rows, "fan-out invocations").value());
        // 4,000 jobs/s × 780 s × 3 invocations
        assertEquals("9,360,000", row(rows, "readers one hourly run can enqueue").value());
    }

    @Test
    void aFanOutTooSlowForItsRetriesMissesBothTargetsAndCountsTheRetryDelays() {
        List<Row> rows = rows(new FanOutFigures(100_000, 100_000));

        // 3,000 s of work: four invocations of 780 s, of which Lambda runs three; 60 s and 120 s between them
        Row time = row(rows, "fan-out of 3,000,000 readers");
        assertEquals("3,180", time.value());
        assertEquals("MISSED", time.verdict());
        Row invocations = row(rows, "fan-out invocations");
        assertEquals("4", invocations.value());
        assertEquals("≤ 3", invocations.target());
        assertEquals("MISSED", invocations.verdict());
    }

    @Test
    void batchesOfTenIn200MillisecondsNeed34SendersAndStayUnderLinesRateLimit() {
        List<Row> rows = rows(new FanOutFigures(200_000, 50_000));

        assertEquals("200 ms per batch of 10.00 jobs", row(rows, "sender batch used").value());
        // 300,000 batches × 0.2 s / 1,800 s = 33.3
        Row concurrency = row(rows, "line-sender concurrency");
        assertEquals("34", concurrency.value());
        assertEquals("≤ 50", concurrency.target());
        assertEquals("met", concurrency.verdict());
        // 34 × 10 jobs / 0.2 s
        Row rate = row(rows, "LINE pushes/s over all channels");
        assertEquals("1,700", rate.value());
        assertEquals("≤ 2,000", rate.target());
        assertEquals("met", rate.verdict());
    }

    @Test
    void eachCostLineIsItsMeasuredCountTimesItsPriceOver365Days() {
        List<Row> rows = rows(new FanOutFigures(200_000, 50_000));

        // 365 × ((0.02 GB-s + 1/4,000 GB-s) × $0.0000133334 + 0.100008 requests × $0.20/M)
        assertEquals("$0.000106", row(rows, "Lambda per reader-year").value());
        // 365 × 0.3058 requests × $0.40/M
        assertEquals("$0.000045", row(rows, "SQS per reader-year").value());
        // 365 × (1 RRU × $0.125/M + 2 WRU × $0.625/M)
        assertEquals("$0.000502", row(rows, "DynamoDB on-demand per reader-year").value());
        // 365 × 400 bytes / 2^30 × $0.76
        assertEquals("$0.000103", row(rows, "CloudWatch Logs ingestion per reader-year").value());
        assertEquals("$0.000756 ($2,267 a year for 3,000,000 readers)", row(rows, "AWS per reader-year").value());
    }

    @Test
    void everyCostLineNamesTheCountItUses() {
        List<Row> rows = rows(new FanOutFigures(200_000, 50_000));

        assertTrue(row(rows, "SQS per reader-year").figure()
                .contains("2,100 SendMessageBatch + 2,016 ReceiveMessage + 2,000 DeleteMessageBatch for 20,000"));
        assertTrue(row(rows, "DynamoDB on-demand per reader-year").figure()
                .contains("20,000.0 RRU and 40,000.0 WRU"));
        assertTrue(row(rows, "CloudWatch Logs ingestion per reader-year").figure()
                .contains("8,000,000 bytes in 20,030 lines"));
    }

    private static List<Row> rows(FanOutFigures fanOut) {
        return NationalScale.rows(new Measured(fanOut, ECONOMY, SENDER), DEPLOYED, Prices.LISTED);
    }

    private static Row row(List<Row> rows, String figureStart) {
        return rows.stream().filter(r -> r.figure().startsWith(figureStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + figureStart + " in " + rows));
    }
}
