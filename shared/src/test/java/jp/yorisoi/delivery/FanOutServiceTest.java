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
import jp.yorisoi.delivery.fakes.InMemoryMunicipalityStore;
import jp.yorisoi.delivery.fakes.InMemoryReaderStore;
import jp.yorisoi.delivery.fakes.ListJobQueue;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import org.junit.jupiter.api.Test;

class FanOutServiceTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    final InMemoryReaderStore readers = new InMemoryReaderStore(7);
    final InMemoryMunicipalityStore municipalities = new InMemoryMunicipalityStore();
    final ListJobQueue queue = new ListJobQueue();
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
    void everyActiveReaderOfTheTownsDueThisHourGetsOneJob() {
        municipalities.save(town("early", 7, true));
        municipalities.save(town("usual", 8, true));
        municipalities.save(town("closed", 8, false));
        readers("early", Channel.LINE, 5, ReaderStatus.ACTIVE);
        readers("usual", Channel.LINE, 120, ReaderStatus.ACTIVE);
        readers("usual", Channel.EMAIL, 30, ReaderStatus.ACTIVE);
        readers("usual", Channel.LINE, 10, ReaderStatus.PAUSED);
        readers("closed", Channel.LINE, 3, ReaderStatus.ACTIVE);

        FanOutService.FanOutResult result = fanOut.run(DAY, Optional.empty(), 8);

        assertEquals(Map.of("usual", 150), result.enqueuedByMunicipality());
        assertEquals(150, queue.jobs().stream().map(DeliveryJob::readerId).distinct().count());
        assertEquals(Set.of(DAY.toString()), queue.jobs().stream().map(DeliveryJob::deliveryKey).collect(Collectors.toSet()));
        assertEquals(30, queue.jobs().stream().filter(j -> j.channel() == Channel.EMAIL).count());
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
    }

    @Test
    void catchUpForAnUnknownTownIsRefused() {
        assertThrows(FanOutService.UnknownMunicipalityException.class,
                () -> fanOut.run(DAY, Optional.of("nowhere"), 8));
    }

    @Test
    void aTownThatFailsDoesNotKeepTheOthersWaitingAndTheRunStillFails() {
        municipalities.save(town("a-broken", 8, true));
        municipalities.save(town("b-fine", 8, true));
        readers("a-broken", Channel.LINE, 3, ReaderStatus.ACTIVE);
        readers("b-fine", Channel.LINE, 4, ReaderStatus.ACTIVE);
        FanOutService partlyBroken = new FanOutService(municipalities, readers, jobs -> {
            if (jobs.getFirst().municipalityId().equals("a-broken")) {
                throw new IllegalStateException("queue refused");
            }
            queue.enqueue(jobs);
        });

        assertThrows(IllegalStateException.class, () -> partlyBroken.run(DAY, Optional.empty(), 8));
        assertEquals(4, queue.jobs().size());
    }

    @Test
    void noTownDueThisHourEnqueuesNothing() {
        municipalities.save(town("usual", 8, true));
        readers("usual", Channel.LINE, 4, ReaderStatus.ACTIVE);

        assertEquals(0, fanOut.run(DAY, Optional.empty(), 3).total());
        assertEquals(List.of(), queue.jobs());
    }
}
