package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.testing.LocalQueues;
import jp.yorisoi.testing.LocalTables;
import org.junit.jupiter.api.Test;

/** The fan-out on the real adapters: towns and readers in DynamoDB Local, jobs onto the template's queues in ElasticMQ. */
class FanOutServiceIT {

    static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    final LocalTables tables = LocalTables.create();
    final LocalQueues queues = LocalQueues.create();
    /** Pages of 7, so a segment's readers come over several pages. */
    final DynamoReaderStore readers = new DynamoReaderStore(tables.dynamo(), tables.readers(), 7);
    final DynamoMunicipalityStore municipalities = new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities());
    final SqsJobQueue queue = queues.jobQueue();
    final FanOutService fanOut = new FanOutService(municipalities, readers, queue);

    static Municipality town(String id, int deliveryHour, boolean active) {
        return new Municipality(id, id, id + "より", "", Plan.FULL, 3, deliveryHour, List.of("ja"), null, active);
    }

    void readers(String municipalityId, Channel channel, int count, ReaderStatus status) {
        IntStream.range(0, count).forEach(i -> readers.save(Reader.newcomer(municipalityId, channel,
                        channel == Channel.LINE ? "U" + municipalityId + status + i : municipalityId + status + i + "@example.jp",
                        Instant.EPOCH)
                .withStatus(status)
                .withChildren(List.of(Child.expected("c1", DAY.plusDays(100))))));
    }

    @Test
    void everyActiveReaderOfTheTownsDueThisHourGetsOneJobOnTheQueueOfTheirChannel() {
        municipalities.save(town("early", 7, true));
        municipalities.save(town("usual", 8, true));
        municipalities.save(town("closed", 8, false));
        readers("early", Channel.LINE, 5, ReaderStatus.ACTIVE);
        readers("usual", Channel.LINE, 120, ReaderStatus.ACTIVE);
        readers("usual", Channel.EMAIL, 30, ReaderStatus.ACTIVE);
        readers("usual", Channel.LINE, 10, ReaderStatus.PAUSED);
        readers("closed", Channel.LINE, 3, ReaderStatus.ACTIVE);

        FanOutService.FanOutResult result = fanOut.run(DAY, Optional.empty(), 8);

        List<DeliveryJob> lineJobs = queues.jobs("LineJobQueue");
        List<DeliveryJob> mailJobs = queues.jobs("MailJobQueue");
        List<DeliveryJob> jobs = queues.allJobs();
        assertEquals(Map.of("usual", 150), result.enqueuedByMunicipality());
        assertEquals(150, jobs.size());
        assertEquals(150, jobs.stream().map(DeliveryJob::readerId).distinct().count());
        assertEquals(Set.of("usual"), jobs.stream().map(DeliveryJob::municipalityId).collect(Collectors.toSet()));
        assertEquals(Set.of(DAY.toString()), jobs.stream().map(DeliveryJob::deliveryKey).collect(Collectors.toSet()));
        assertEquals(120, lineJobs.size());
        assertEquals(Set.of(Channel.LINE), lineJobs.stream().map(DeliveryJob::channel).collect(Collectors.toSet()));
        assertEquals(30, mailJobs.size());
        assertEquals(Set.of(Channel.EMAIL), mailJobs.stream().map(DeliveryJob::channel).collect(Collectors.toSet()));
    }

    @Test
    void aCatchUpRunOfADayBeforeAReaderRegisteredEnqueuesNothingForThem() {
        municipalities.save(town("usual", 8, true));
        Reader longAgo = readers.save(Reader.newcomer("usual", Channel.LINE, "U-long-ago", Instant.EPOCH)
                .withStatus(ReaderStatus.ACTIVE).withChildren(List.of(Child.expected("c1", DAY.plusDays(100)))));
        Reader onTheDay = readers.save(Reader.newcomer("usual", Channel.LINE, "U-on-the-day", Instant.EPOCH)
                .withStatus(ReaderStatus.ACTIVE).withRegisteredOn(DAY)
                .withChildren(List.of(Child.expected("c1", DAY.plusDays(100)))));
        readers.save(Reader.newcomer("usual", Channel.EMAIL, "next-day@example.jp", Instant.EPOCH)
                .withStatus(ReaderStatus.ACTIVE).withRegisteredOn(DAY.plusDays(1))
                .withChildren(List.of(Child.expected("c1", DAY.plusDays(100)))));

        FanOutService.FanOutResult result = fanOut.run(DAY, Optional.of("usual"), 3);

        assertEquals(Map.of("usual", 2), result.enqueuedByMunicipality());
        assertEquals(Set.of(longAgo.readerId(), onTheDay.readerId()),
                queues.allJobs().stream().map(DeliveryJob::readerId).collect(Collectors.toSet()));
    }

    @Test
    void catchUpRunNamesOneTownWhateverItsHour() {
        municipalities.save(town("early", 7, true));
        municipalities.save(town("usual", 8, true));
        readers("early", Channel.LINE, 5, ReaderStatus.ACTIVE);
        readers("usual", Channel.LINE, 9, ReaderStatus.ACTIVE);

        FanOutService.FanOutResult result = fanOut.run(DAY, Optional.of("early"), 13);

        assertEquals(Map.of("early", 5), result.enqueuedByMunicipality());
        assertEquals(5, result.total());
        assertEquals(Set.of("early"), queues.allJobs().stream().map(DeliveryJob::municipalityId).collect(Collectors.toSet()));
        assertEquals(5, queues.allJobs().size());
    }

    @Test
    void catchUpForAnUnknownTownIsRefused() {
        assertThrows(FanOutService.UnknownMunicipalityException.class,
                () -> fanOut.run(DAY, Optional.of("nowhere"), 8));
        assertEquals(List.of(), queues.allJobs());
    }

    @Test
    void aTownThatFailsDoesNotKeepTheOthersWaitingAndTheRunStillFails() {
        municipalities.save(town("a-broken", 8, true));
        municipalities.save(town("b-fine", 8, true));
        readers("a-broken", Channel.LINE, 3, ReaderStatus.ACTIVE);
        readers("b-fine", Channel.LINE, 4, ReaderStatus.ACTIVE);
        JobQueue refusingTheBrokenTown = jobs -> {
            if (jobs.getFirst().municipalityId().equals("a-broken")) {
                throw new IllegalStateException("queue refused");
            }
            queue.enqueue(jobs);
        };
        FanOutService partlyBroken = new FanOutService(municipalities, readers, refusingTheBrokenTown);

        assertThrows(IllegalStateException.class, () -> partlyBroken.run(DAY, Optional.empty(), 8));
        List<DeliveryJob> jobs = queues.allJobs();
        assertEquals(4, jobs.size());
        assertEquals(Set.of("b-fine"), jobs.stream().map(DeliveryJob::municipalityId).collect(Collectors.toSet()));
    }

    @Test
    void noTownDueThisHourEnqueuesNothing() {
        municipalities.save(town("usual", 8, true));
        readers("usual", Channel.LINE, 4, ReaderStatus.ACTIVE);

        assertEquals(0, fanOut.run(DAY, Optional.empty(), 3).total());
        assertEquals(List.of(), queues.allJobs());
    }
}
