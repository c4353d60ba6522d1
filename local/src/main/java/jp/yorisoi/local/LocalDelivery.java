package jp.yorisoi.local;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jp.yorisoi.content.DayComposer;
import jp.yorisoi.content.DynamoCatalogue;
import jp.yorisoi.delivery.BroadcastStore;
import jp.yorisoi.delivery.ComposedDeliveryContent;
import jp.yorisoi.delivery.DeliveryMetrics;
import jp.yorisoi.delivery.DeliveryService;
import jp.yorisoi.delivery.DynamoBroadcastStore;
import jp.yorisoi.delivery.TodayByReply;
import jp.yorisoi.line.LineReplier;
import jp.yorisoi.registration.TodaysMessage;
import jp.yorisoi.delivery.DynamoLedger;
import jp.yorisoi.delivery.FanOutService;
import jp.yorisoi.delivery.LineMessenger;
import jp.yorisoi.delivery.LinePushChannel;
import jp.yorisoi.delivery.MailSender;
import jp.yorisoi.delivery.SesMailChannel;
import jp.yorisoi.delivery.SqsJobQueue;
import jp.yorisoi.functions.fanout.FanOutHandler;
import jp.yorisoi.functions.linesender.LineSenderHandler;
import jp.yorisoi.functions.mailsender.MailSenderHandler;
import jp.yorisoi.mail.MailLinks;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.MunicipalityStore;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.ReaderStore;
import jp.yorisoi.schedule.ProgramSchedule;
import jp.yorisoi.stats.CountingReaderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery path wired over the runner's emulators as template.yaml wires it in the cloud: the fan-out, the
 * two job queues each drained into its sender handler (as the SQS event source mapping does) and the hourly
 * schedule (as EventBridge Scheduler does).
 */
final class LocalDelivery {

    private static final Logger log = LoggerFactory.getLogger(LocalDelivery.class);
    /** The local demo's fixed key for mail links (sender and pages); the cloud reads its own from SSM. */
    static final byte[] LOCAL_MAIL_LINK_SECRET = "local-demo-mail-link-secret".getBytes(StandardCharsets.UTF_8);

    private final LocalServices services;
    private final ReaderStore readers;
    private final MunicipalityStore municipalities;

    LocalDelivery(LocalServices services) {
        this.services = services;
        this.readers = CountingReaderStore.inTable(services.dynamoDb(), services.table("ReadersTable"));
        this.municipalities = new DynamoMunicipalityStore(services.dynamoDb(), services.table("MunicipalitiesTable"));
    }

    FanOutService fanOut() {
        return new FanOutService(municipalities, readers, new SqsJobQueue(services.sqs(), Map.of(
                Channel.LINE, services.queueUrl("LineJobQueue"),
                Channel.EMAIL, services.queueUrl("MailJobQueue"))));
    }

    /** The webhook's "today's message": the senders' composer and ledger, answered by reply. */
    TodaysMessage todayByReply(LineReplier replier) {
        return new TodayByReply(deliveries(null, null, null), replier);
    }

    /** Pollers feeding both sender handlers and the hourly fan-out; the caller closes them at shutdown. */
    List<AutoCloseable> start(URI pagesBase) {
        LineMessenger line = new LinePushChannel(services.channelCredentials(), services.lineApiBaseUrl());
        MailSender mail = new SesMailChannel(services.ses(), Optional.empty());
        MailLinks links = new MailLinks(pagesBase.toString(), LOCAL_MAIL_LINK_SECRET);
        QueuePoller linePoller = new QueuePoller(services.sqs(), services.queueUrl("LineJobQueue"), "LineSenderFunction",
                new LineSenderHandler(deliveries(line, null, null), DeliveryMetrics.NONE, () -> { }));
        QueuePoller mailPoller = new QueuePoller(services.sqs(), services.queueUrl("MailJobQueue"), "MailSenderFunction",
                new MailSenderHandler(deliveries(null, mail, links), DeliveryMetrics.NONE, () -> { }));
        return List.of(linePoller.start(), mailPoller.start(), hourly(new FanOutHandler(fanOut(), services.clock())));
    }

    private DeliveryService deliveries(LineMessenger line, MailSender mail, MailLinks links) {
        BroadcastStore broadcasts = new DynamoBroadcastStore(services.dynamoDb(), services.table("LedgerTable"));
        return new DeliveryService(readers, municipalities,
                new ComposedDeliveryContent(new DayComposer(
                        new DynamoCatalogue(services.dynamoDb(), services.table("ContentTable"))), broadcasts),
                new DynamoLedger(services.dynamoDb(), services.table("LedgerTable"), services.table("ReadersTable")),
                line, mail, links, DeliveryMetrics.NONE, services.clock(), broadcasts);
    }

    /**
     * Calls the fan-out at the top of every real hour, as the hourly schedule does; the date is the runner's
     * (pinned by TODAY), so a demo can move through the calendar while the hours pass as usual.
     */
    private AutoCloseable hourly(FanOutHandler fanOut) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("schedule-FanOutFunction").factory());
        Instant now = Instant.now();
        long untilNextHour = Duration.between(now, now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1))).toMillis();
        timer.scheduleAtFixedRate(() -> {
            try {
                ZonedDateTime hour = ZonedDateTime.now(ProgramSchedule.ZONE).truncatedTo(ChronoUnit.HOURS);
                LocalDate date = LocalDate.now(services.clock());
                Instant scheduledTime = hour.with(date).toInstant();
                Map<String, Object> result = fanOut.handleRequest(Map.of("scheduledTime", scheduledTime.toString()), null);
                log.info("hourly fan-out: {}", result);
            } catch (RuntimeException e) {
                log.error("hourly fan-out failed", e);
            }
        }, untilNextHour, Duration.ofHours(1).toMillis(), TimeUnit.MILLISECONDS);
        return timer::shutdownNow;
    }
}
