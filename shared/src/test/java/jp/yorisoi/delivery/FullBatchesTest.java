package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import jp.yorisoi.reader.Channel;
import org.junit.jupiter.api.Test;

class FullBatchesTest {

    private final List<List<DeliveryJob>> enqueued = new ArrayList<>();
    private final FullBatches batches = new FullBatches(enqueued::add);

    @Test
    void smallPagesFromManySegmentsLeaveInFullBatchesOfTen() {
        for (int segment = 0; segment < 16; segment++) {
            batches.add(jobs(Channel.LINE, segment * 10, segment % 3));
        }
        batches.flush();

        // 16 pages of 0, 1 or 2 jobs: 15 jobs in all, one full batch and the rest
        assertEquals(List.of(10, 5), enqueued.stream().map(List::size).toList());
    }

    @Test
    void eachChannelFillsItsOwnBatches() {
        batches.add(jobs(Channel.LINE, 0, 7));
        batches.add(jobs(Channel.EMAIL, 100, 7));
        batches.add(jobs(Channel.LINE, 200, 3));
        batches.flush();

        assertEquals(2, enqueued.size());
        assertEquals(10, enqueued.get(0).size());
        assertEquals(List.of(Channel.LINE), enqueued.get(0).stream().map(DeliveryJob::channel).distinct().toList());
        assertEquals(7, enqueued.get(1).size());
        assertEquals(List.of(Channel.EMAIL), enqueued.get(1).stream().map(DeliveryJob::channel).distinct().toList());
    }

    @Test
    void aLargePageLeavesAtOnceAndNothingIsLeftForTheFlushWhenItDividesEvenly() {
        batches.add(jobs(Channel.LINE, 0, 30));
        assertEquals(List.of(30), enqueued.stream().map(List::size).toList());

        batches.flush();
        assertEquals(1, enqueued.size());
    }

    @Test
    void everyJobIsEnqueuedExactlyOnce() {
        List<DeliveryJob> all = new ArrayList<>();
        for (int page = 0; page < 9; page++) {
            List<DeliveryJob> jobs = jobs(page % 2 == 0 ? Channel.LINE : Channel.EMAIL, page * 100, page * 3);
            all.addAll(jobs);
            batches.add(jobs);
        }
        batches.flush();

        assertEquals(all.stream().sorted(Comparator.comparing(DeliveryJob::readerId)).toList(),
                enqueued.stream().flatMap(List::stream)
                        .sorted(Comparator.comparing(DeliveryJob::readerId)).toList());
    }

    private static List<DeliveryJob> jobs(Channel channel, int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(i -> DeliveryJob.daily("demo", String.format("R%05d", i), channel, LocalDate.parse("2026-11-22")))
                .toList();
    }
}
