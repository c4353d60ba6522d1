package jp.yorisoi.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.content.DayMessage;
import jp.yorisoi.content.MailRendering;
import jp.yorisoi.delivery.DeliveryContent;
import jp.yorisoi.delivery.DeliveryJob;
import jp.yorisoi.delivery.DeliveryMetrics;
import jp.yorisoi.delivery.DeliveryService;
import jp.yorisoi.delivery.SesMailChannel;
import jp.yorisoi.delivery.SqsJobBatch;
import jp.yorisoi.delivery.stubs.DeliveryRig;
import jp.yorisoi.delivery.stubs.LineStub;
import jp.yorisoi.delivery.stubs.SesStub;
import jp.yorisoi.line.DynamoProcessedEvents;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderIds;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Erasure on the real tables (every table of template.yaml in DynamoDB Local), the job queue in ElasticMQ and LINE
 * as a WireMock stub: after it no row holds the reader, and a job in flight sends and writes nothing.
 */
class ReaderErasureIT {

    static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T23:00:00Z"), ZoneId.of("Asia/Tokyo"));
    static final LineStub LINE = new LineStub();
    static final SesStub SES = new SesStub();
    static final String ADDRESS = "U4af4980629f5a8b3c9d1e2f3a4b5c6d7";

    final DeliveryRig rig = DeliveryRig.start(LINE, SES);
    final DynamoReaderStore readers = new DynamoReaderStore(rig.dynamo, rig.tables.get("ReadersTable"),
            new ReaderIds("a-test-reader-id-key-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8)));
    final ReaderErasure erasure = new ReaderErasure(readers, rig.ledger, CLOCK);
    final List<String> counted = new ArrayList<>();

    ReaderErasureIT() {
        rig.municipalities.save(new Municipality("demo", "デモ市", "デモ市より", "電話", Plan.FULL, 3, 8, List.of("ja"),
                null, true));
    }

    @AfterEach
    void closeRig() {
        rig.close();
    }

    @AfterAll
    static void stopStubs() {
        LINE.close();
        SES.close();
    }

    @Test
    void afterErasureNoRowInAnyTableHoldsTheReaderOrTheirAddress() {
        Reader reader = activeReader();
        deliverer(content()).deliver(DeliveryJob.daily("demo", reader.readerId(), Channel.LINE, DAY.minusDays(1)));
        deliverer(content()).deliver(DeliveryJob.daily("demo", reader.readerId(), Channel.LINE, DAY));
        new DynamoProcessedEvents(rig.dynamo, rig.tables.get("ProcessedEventsTable"), CLOCK)
                .markProcessed("demo#01JDERASURETEST0000000000");
        assertEquals(2, rig.line.accepted().size());
        assertEquals(3, rowsHolding(reader.readerId()).size(), "the reader and both days of the ledger before");

        ReaderErasure.Erased erased = erasure.erase("demo", reader.readerId());

        assertTrue(erased.readerFound());
        assertEquals(2, erased.ledgerEntries());
        assertEquals(List.of(), rowsHolding(reader.readerId()));
        assertEquals(List.of(), rowsHolding(ADDRESS));
        assertEquals(List.of(), rowsHolding(reader.children().getFirst().dueDate().toString()));
    }

    @Test
    void aJobAlreadyQueuedWhenTheReaderWasErasedSendsAndWritesNothing() {
        Reader reader = activeReader();
        rig.jobQueue().enqueue(List.of(DeliveryJob.daily("demo", reader.readerId(), Channel.LINE, DAY)));

        erasure.erase("demo", reader.readerId());
        int delivered = rig.driver.drain(rig.queue("LineJobQueue"),
                new SqsJobBatch(deliverer(content()), DeliveryMetrics.NONE)::process);

        assertEquals(1, delivered);
        assertEquals(0, rig.line.requests());
        assertEquals(List.of(), rowsHolding(reader.readerId()));
        assertEquals(List.of(DeliveryMetrics.READER_GONE), counted);
    }

    @Test
    void aSenderThatReadTheReaderJustBeforeTheErasureSendsAndWritesNothing() {
        Reader reader = activeReader();
        DeliveryContent erasingWhileComposing = new DeliveryContent() {
            private final DeliveryContent real = content();

            @Override
            public DayMessage messageFor(DeliveryJob job, Reader found, Municipality town) {
                DayMessage message = real.messageFor(job, found, town);
                erasure.erase(job.municipalityId(), job.readerId());
                return message;
            }

            @Override
            public List<String> lineTexts(DayMessage message) {
                return real.lineTexts(message);
            }

            @Override
            public MailContent mail(DayMessage message, Municipality town, String language, MailRendering.Links links) {
                return real.mail(message, town, language, links);
            }

            @Override
            public List<String> childrenAskedAboutBirth(DeliveryJob job, Reader found, Municipality town) {
                return real.childrenAskedAboutBirth(job, found, town);
            }
        };

        DeliveryService.Outcome outcome = deliverer(erasingWhileComposing)
                .deliver(DeliveryJob.daily("demo", reader.readerId(), Channel.LINE, DAY));

        assertEquals(DeliveryService.Outcome.SKIPPED, outcome);
        assertEquals(0, rig.line.requests());
        assertEquals(List.of(), rowsHolding(reader.readerId()));
    }

    @Test
    void theDaysReconciliationCountsAnErasedActiveReaderButNotAnUnfinishedRegistration() {
        Reader active = activeReader();
        Reader registering = readers.save(Reader.newcomer("demo", Channel.LINE, "U-registering", CLOCK.instant())
                .withReaderId(readers.newReaderId("demo", Channel.LINE, "U-registering")));
        deliverer(content()).deliver(DeliveryJob.daily("demo", active.readerId(), Channel.LINE, DAY));
        assertEquals(1, rig.line.accepted().size());
        assertEquals(1, rig.ledger.finalDailyDeliveries("demo", DAY));

        erasure.erase("demo", active.readerId());
        erasure.erase("demo", registering.readerId());

        assertEquals(1, rig.ledger.finalDailyDeliveries("demo", DAY), "the erased reader's sent day still counts");
        assertEquals(0, rig.ledger.finalDailyDeliveries("demo", DAY.plusDays(1)));
    }

    @Test
    void erasingByAddressFindsAReaderRegisteredBeforeIdsWereKeyed() {
        Reader legacy = readers.save(Reader.newcomer("demo", Channel.EMAIL, "parent@example.jp", CLOCK.instant()));

        Optional<ReaderErasure.Erased> erased = erasure.eraseByAddress("demo", Channel.EMAIL, "Parent@Example.jp");

        assertTrue(erased.orElseThrow().readerFound());
        assertTrue(readers.find("demo", legacy.readerId()).isEmpty());
        assertFalse(erasure.eraseByAddress("demo", Channel.EMAIL, "parent@example.jp").isPresent());
    }

    private Reader activeReader() {
        String id = readers.newReaderId("demo", Channel.LINE, ADDRESS);
        return readers.save(Reader.newcomer("demo", Channel.LINE, ADDRESS, CLOCK.instant())
                .withReaderId(id)
                .withRole(Role.MOTHER)
                .withStatus(ReaderStatus.ACTIVE)
                .withChildren(List.of(Child.expected("c1", DAY.plusDays(100)))));
    }

    /** A day of one text per active child, so that every delivery here has something to send. */
    private static DeliveryContent content() {
        return new DeliveryContent() {
            @Override
            public DayMessage messageFor(DeliveryJob job, Reader reader, Municipality municipality) {
                return new DayMessage(reader.activeChildren().stream()
                        .map(child -> new DayMessage.Part(DayMessage.PartKind.BASE, child.childId(), "【見出し】",
                                "本文（サンプル）"))
                        .toList());
            }

            @Override
            public List<String> lineTexts(DayMessage message) {
                return message.parts().stream().map(DayMessage.Part::text).toList();
            }

            @Override
            public MailContent mail(DayMessage message, Municipality municipality, String language,
                    MailRendering.Links links) {
                return new MailContent("件名", String.join("\n", lineTexts(message)), "<p>html</p>");
            }

            @Override
            public List<String> childrenAskedAboutBirth(DeliveryJob job, Reader reader, Municipality municipality) {
                return List.of();
            }
        };
    }

    private DeliveryService deliverer(DeliveryContent content) {
        return new DeliveryService(readers, rig.municipalities, content, rig.ledger,
                rig.lineChannel(Duration.ofSeconds(5)),
                new SesMailChannel(rig.sesClient, Optional.empty()),
                rig.mailLinks, counted::add, CLOCK);
    }

    /** Every item of every table of the stack in which some attribute value, nested or not, contains {@code text}. */
    private List<String> rowsHolding(String text) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> table : rig.tables.entrySet()) {
            rig.dynamo.scanPaginator(r -> r.tableName(table.getValue())).items().forEach(item -> {
                if (holds(AttributeValue.fromM(item), text)) {
                    found.add(table.getKey() + " " + item.keySet());
                }
            });
        }
        return found;
    }

    private static boolean holds(AttributeValue value, String text) {
        if (value.s() != null) {
            return value.s().contains(text);
        }
        if (value.hasM()) {
            return value.m().values().stream().anyMatch(v -> holds(v, text)) || value.m().keySet().stream()
                    .anyMatch(k -> k.contains(text));
        }
        if (value.hasL()) {
            return value.l().stream().anyMatch(v -> holds(v, text));
        }
        return value.hasSs() && value.ss().stream().anyMatch(s -> s.contains(text));
    }
}
