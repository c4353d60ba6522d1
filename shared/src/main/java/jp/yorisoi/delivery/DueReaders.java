package jp.yorisoi.delivery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.MunicipalityStore;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.ReaderStore;

/**
 * How many readers a catch-up run of a town reaches: its active readers registered by the day, the ones
 * {@link FanOutService} enqueues. Reads the sparse active-reader index only, segments side by side; enqueues
 * nothing.
 */
public final class DueReaders {

    private final MunicipalityStore municipalities;
    private final ReaderStore readers;

    public DueReaders(MunicipalityStore municipalities, ReaderStore readers) {
        this.municipalities = municipalities;
        this.readers = readers;
    }

    /** @throws FanOutService.UnknownMunicipalityException when the town does not exist or is not active */
    public int count(String municipalityId, LocalDate date) {
        return byChannel(municipalityId, date).values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The readers a run of the day reaches, by channel: on LINE each is one push, billed as one message whatever it
     * carries.
     *
     * @throws FanOutService.UnknownMunicipalityException when the town does not exist or is not active
     */
    public Map<Channel, Integer> byChannel(String municipalityId, LocalDate date) {
        municipalities.find(municipalityId).filter(Municipality::active)
                .orElseThrow(() -> new FanOutService.UnknownMunicipalityException(municipalityId));
        Map<Channel, AtomicInteger> counts = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            counts.put(channel, new AtomicInteger());
        }
        List<Runnable> segments = new ArrayList<>();
        for (int segment = 0; segment < readers.segments(); segment++) {
            int s = segment;
            segments.add(() -> readers.forEachActiveReader(municipalityId, s, page -> page.stream()
                    .filter(r -> r.registeredBy(date))
                    .forEach(r -> counts.get(r.channel()).incrementAndGet())));
        }
        VirtualThreads.runAll(segments, "interrupted while counting readers");
        Map<Channel, Integer> result = new EnumMap<>(Channel.class);
        counts.forEach((channel, count) -> result.put(channel, count.get()));
        return result;
    }
}
