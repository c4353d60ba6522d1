package jp.yorisoi.bench;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import jp.yorisoi.delivery.FanOutService;

/**
 * Benchmark 5, national scale on paper: 3,000,000 readers in 1,700 towns, worked out from the figures benchmarks 1
 * to 3 measured in the same run and the deployment template.yaml declares. Every row names the measured count it
 * uses, so a figure can be traced back to its benchmark; nothing here is measured itself.
 *
 * <p>Prices are list prices, read on the date in {@link Prices}; where the Tokyo (ap-northeast-1) figure could not
 * be confirmed, the row says which region's figure it uses.
 */
public final class NationalScale {

    static final String NAME = "5 national scale";
    /** About 750,000 births a year: every pregnancy (~0.75 years of births) and every child under three. */
    static final int READERS = 3_000_000;
    /** Japan's municipalities (1,718 in 2024), rounded as the plan does. */
    static final int TOWNS = 1_700;
    /** Every push of the day done within half an hour of the delivery hour. */
    static final int PUSH_WINDOW_SECONDS = 1_800;
    /**
     * LINE's rate limit for the push endpoint, per channel: "Other API endpoints: 2,000 requests per second"
     * (Messaging API reference, "Rate limits", https://developers.line.biz/en/reference/messaging-api/#rate-limits,
     * read 2026-12-02). Each town has its own channel.
     */
    static final int LINE_REQUESTS_PER_SECOND_PER_CHANNEL = 2_000;
    /**
     * Lambda retries a failed asynchronous invocation after one minute and then after two (Lambda Developer Guide,
     * "Asynchronous invocation"; the fan-out relies on it, FanOutService.FanOutContinuesException).
     */
    static final int[] ASYNC_RETRY_DELAYS_SECONDS = {60, 120};
    static final int DAYS_PER_YEAR = 365;

    /**
     * List prices in USD, first tier, read 2026-12-02. The AWS pricing pages fill their per-region tables in by
     * script, so no Tokyo (ap-northeast-1) table could be read from them; each figure says where it comes from:
     * <ul>
     *   <li>Lambda, Arm: $0.0000133334 per GB-s and $0.20 per million requests, US East (https://aws.amazon.com/lambda/pricing/
     *       examples "based on price in US East"; the Arm figure as the Lambda tiered-pricing announcement and
     *       cost guides quote it). Tokyo not confirmed.</li>
     *   <li>SQS standard queue: $0.40 per million requests, US East (cost guides quoting https://aws.amazon.com/sqs/pricing/;
     *       every 64 KB chunk of a payload is one request). Tokyo not confirmed.</li>
     *   <li>DynamoDB on demand: $0.125 per million read and $0.625 per million write request units, US East after
     *       the November 2024 reduction (as quoted from https://aws.amazon.com/dynamodb/pricing/on-demand/). Tokyo
     *       not confirmed.</li>
     *   <li>CloudWatch Logs ingestion (standard class): $0.76 per GB in ap-northeast-1, as a cost article
     *       (awsi.click, "Why CloudWatch Logs costs more than you expect") quotes https://aws.amazon.com/cloudwatch/pricing/.</li>
     * </ul>
     */
    record Prices(double lambdaGbSecond, double lambdaPerMillionRequests, double sqsPerMillionRequests,
            double dynamoPerMillionReadUnits, double dynamoPerMillionWriteUnits, double logsPerGbIngested) {

        static final Prices LISTED = new Prices(0.0000133334, 0.20, 0.40, 0.125, 0.625, 0.76);
    }

    /** What template.yaml and the fan-out's code declare about the deployment. */
    record Deployment(int fanOutMemoryMb, int senderMemoryMb, int fanOutTimeoutSeconds, int fanOutRetries,
            int senderMaxConcurrency, long fanOutReserveMillis, int fanOutParallelParts) {

        /** Read from template.yaml (found by walking up from the working directory) and FanOutService. */
        static Deployment fromTemplate() {
            TemplateSettings template = TemplateSettings.load();
            return new Deployment(
                    template.functionNumber("FanOutFunction", "MemorySize"),
                    template.functionNumber("LineSenderFunction", "MemorySize"),
                    template.functionNumber("FanOutFunction", "Timeout"),
                    template.functionNumber("FanOutFunction", "EventInvokeConfig", "MaximumRetryAttempts"),
                    template.functionNumber("LineSenderFunction", "Events", "Jobs", "Properties", "ScalingConfig",
                            "MaximumConcurrency"),
                    ((Number) fanOutConstant("RESERVE_MILLIS")).longValue(),
                    ((Number) fanOutConstant("PARALLEL_PARTS")).intValue());
        }
    }

    /** Benchmark 1: the fan-out enqueued {@code readers} jobs in {@code millis} (the larger of its two runs). */
    record FanOutFigures(int readers, long millis) {

        double jobsPerSecond() {
            return readers * 1000.0 / millis;
        }
    }

    /**
     * Benchmark 2: for {@code readers} reader-days, the counted SQS calls (the fan-out's SendMessageBatch, the event
     * source poller's ReceiveMessage and DeleteMessageBatch), the sender invocations (SQS batches handed over), the
     * DynamoDB request units as DynamoDB reported them, and the bytes of the code's log lines.
     */
    record EconomyFigures(int readers, int sqsSends, int pollerReceives, int pollerDeletes, int senderInvocations,
            double readUnits, double writeUnits, long logBytes, long logLines) {}

    /** Benchmark 3: {@code handlerCalls} sender handler calls (SQS batches) took {@code handlerMillis} in all. */
    record SenderFigures(int handlerCalls, double handlerMillis) {

        double meanBatchMillis() {
            return handlerMillis / handlerCalls;
        }
    }

    record Measured(FanOutFigures fanOut, EconomyFigures economy, SenderFigures sender) {}

    private NationalScale() {}

    /** The rows of benchmark 5 from the run's own figures, the deployment and the prices. */
    static List<Row> rows(Measured measured, Deployment deployment, Prices prices) {
        List<Row> rows = new ArrayList<>();
        FanOutFigures fan = measured.fanOut();
        EconomyFigures economy = measured.economy();
        SenderFigures sender = measured.sender();
        String scale = String.format("%,d readers in %,d towns", READERS, TOWNS);

        // fan-out: every town at the default delivery hour is the worst case, one hourly run for all of them;
        // a run takes (town, segment) parts PARALLEL_PARTS at a time, as benchmark 1 measured it
        double rate = fan.jobsPerSecond();
        double fanOutSeconds = READERS / rate;
        double budget = deployment.fanOutTimeoutSeconds() - deployment.fanOutReserveMillis() / 1000.0;
        int invocations = (int) Math.ceil(fanOutSeconds / budget);
        double wall = fanOutSeconds;
        for (int retry = 0; retry < Math.min(invocations - 1, ASYNC_RETRY_DELAYS_SECONDS.length); retry++) {
            wall += ASYNC_RETRY_DELAYS_SECONDS[retry];
        }
        int allowed = 1 + deployment.fanOutRetries();
        rows.add(Row.info(NAME, String.format("fan-out enqueue rate used (benchmark 1: %,d jobs in %.1f s, %d parts at "
                + "once)", fan.readers(), fan.millis() / 1000.0, deployment.fanOutParallelParts()),
                String.format("%,.0f jobs/s", rate)));
        rows.add(Row.atMost(NAME, String.format("fan-out of %s, all at the default hour: one hourly run, in "
                + "invocations of %.0f s (timeout %d s less the %d s reserve), retried after 60 s and 120 s (s)", scale,
                budget, deployment.fanOutTimeoutSeconds(), deployment.fanOutReserveMillis() / 1000),
                wall, PUSH_WINDOW_SECONDS, "%,.0f"));
        rows.add(Row.atMost(NAME, String.format("fan-out invocations that run needs (the first and %d asynchronous "
                + "retries allowed)", deployment.fanOutRetries()), invocations, allowed, "%.0f"));
        rows.add(Row.info(NAME, String.format("readers one hourly run can enqueue in its %d invocations (towns beyond "
                + "it must choose other hours)", allowed), String.format("%,.0f", rate * budget * allowed)));

        // senders: a container handles one SQS batch at a time; Little's law gives the containers busy at once
        double jobsPerBatch = (double) economy.readers() / economy.senderInvocations();
        double batchSeconds = sender.meanBatchMillis() / 1000.0;
        int concurrency = (int) Math.ceil(READERS / jobsPerBatch * batchSeconds / PUSH_WINDOW_SECONDS);
        double pushRate = concurrency * jobsPerBatch / batchSeconds;
        rows.add(Row.info(NAME, String.format("sender batch used (benchmark 3: %,d handler calls, mean; benchmark 2: "
                + "%,d jobs in %,d invocations)", sender.handlerCalls(), economy.readers(), economy.senderInvocations()),
                String.format("%.0f ms per batch of %.2f jobs", sender.meanBatchMillis(), jobsPerBatch)));
        rows.add(Row.atMost(NAME, String.format("line-sender concurrency to push to %s within %d s (target: the "
                + "template's MaximumConcurrency)", scale, PUSH_WINDOW_SECONDS), concurrency,
                deployment.senderMaxConcurrency(), "%.0f"));
        rows.add(Row.atMost(NAME, "LINE pushes/s over all channels at that concurrency (under LINE's 2,000 "
                + "requests/s per channel, so every town's channel is under it too)", pushRate,
                LINE_REQUESTS_PER_SECOND_PER_CHANNEL, "%,.0f"));

        // cost per reader-year: each reader is one reader-day a day
        double perDay = 1.0 / economy.readers();
        double senderGbSeconds = economy.senderInvocations() * perDay * batchSeconds * deployment.senderMemoryMb()
                / 1024.0;
        double fanOutGbSeconds = deployment.fanOutMemoryMb() / 1024.0 / rate;
        double lambdaRequests = economy.senderInvocations() * perDay + 24.0 / READERS;
        double lambda = DAYS_PER_YEAR * ((senderGbSeconds + fanOutGbSeconds) * prices.lambdaGbSecond()
                + lambdaRequests * prices.lambdaPerMillionRequests() / 1e6);
        rows.add(Row.info(NAME, String.format("Lambda per reader-year: %.4f GB-s line-sender (%,d invocations of "
                + "%.0f ms at %d MB for %,d reader-days) + %.5f GB-s fan-out (%d MB at %,.0f jobs/s), %.3f requests a "
                + "day; Arm, US East prices (Tokyo not confirmed)", senderGbSeconds, economy.senderInvocations(), sender.meanBatchMillis(),
                deployment.senderMemoryMb(), economy.readers(), fanOutGbSeconds, deployment.fanOutMemoryMb(), rate,
                lambdaRequests), usd(lambda)));

        int sqsCalls = economy.sqsSends() + economy.pollerReceives() + economy.pollerDeletes();
        double sqs = DAYS_PER_YEAR * sqsCalls * perDay * prices.sqsPerMillionRequests() / 1e6;
        rows.add(Row.info(NAME, String.format("SQS per reader-year: %.3f requests a day (benchmark 2: %,d "
                + "SendMessageBatch + %,d ReceiveMessage + %,d DeleteMessageBatch for %,d reader-days; each under 64 KB, "
                + "one billed request); US East price (Tokyo not confirmed); the event source's idle long polls are per queue, not per reader",
                sqsCalls * perDay, economy.sqsSends(), economy.pollerReceives(), economy.pollerDeletes(),
                economy.readers()), usd(sqs)));

        double dynamo = DAYS_PER_YEAR * perDay * (economy.readUnits() * prices.dynamoPerMillionReadUnits()
                + economy.writeUnits() * prices.dynamoPerMillionWriteUnits()) / 1e6;
        rows.add(Row.info(NAME, String.format("DynamoDB on-demand per reader-year: %.3f read and %.3f write units a "
                + "day (benchmark 2: %,.1f RRU and %,.1f WRU as DynamoDB Local reported them for %,d reader-days; the hourly run's "
                + "progress records, one write per town and segment, not in it); US East prices (Tokyo not confirmed)", economy.readUnits() * perDay, economy.writeUnits() * perDay, economy.readUnits(),
                economy.writeUnits(), economy.readers()), usd(dynamo)));

        double logs = DAYS_PER_YEAR * economy.logBytes() * perDay * prices.logsPerGbIngested() / (1024.0 * 1024 * 1024);
        rows.add(Row.info(NAME, String.format("CloudWatch Logs ingestion per reader-year: %.0f bytes a day "
                + "(benchmark 2: %,d bytes in %,d lines for %,d reader-days; without Lambda's START/END/REPORT lines, "
                + "the context fields and the EMF metric lines); Tokyo price as quoted by a cost article", economy.logBytes() * perDay, economy.logBytes(), economy.logLines(),
                economy.readers()), usd(logs)));

        double total = lambda + sqs + dynamo + logs;
        rows.add(Row.info(NAME, "AWS per reader-year (Lambda + SQS + DynamoDB + CloudWatch Logs)",
                String.format("%s (%s a year for %,d readers)", usd(total), String.format("$%,.0f", total * READERS),
                        READERS)));
        return rows;
    }

    private static String usd(double value) {
        return String.format("$%.6f", value);
    }

    /** A constant of FanOutService, read where it is declared so that the arithmetic cannot drift from it. */
    private static Object fanOutConstant(String name) {
        try {
            Field field = FanOutService.class.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("FanOutService." + name, e);
        }
    }
}
