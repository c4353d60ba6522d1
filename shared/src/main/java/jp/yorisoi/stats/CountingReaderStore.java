package jp.yorisoi.stats;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Dormancy;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.ReaderIds;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A reader store that keeps the town's counters in line with every write, so that statistics are read from one item
 * per town instead of from every reader. The counters are brought in line after the write: when that fails, the
 * write stands (the parent's chat or the day's delivery must not fail for a statistic) and the reader's next write
 * counts the change, because each recording starts from what was counted for the reader ({@link DynamoReaderCounters}).
 */
public final class CountingReaderStore implements ReaderStore {

    private static final Logger LOG = LoggerFactory.getLogger(CountingReaderStore.class);

    private final ReaderStore readers;
    private final ReaderCounters counters;

    public CountingReaderStore(ReaderStore readers, ReaderCounters counters) {
        this.readers = readers;
        this.counters = counters;
    }

    /** The readers table with its counters beside the readers, as every function that writes readers uses it. */
    public static CountingReaderStore inTable(DynamoDbClient dynamo, String readersTable) {
        return new CountingReaderStore(new DynamoReaderStore(dynamo, readersTable),
                new DynamoReaderCounters(dynamo, readersTable));
    }

    /** As {@link #inTable(DynamoDbClient, String)}, newcomers stored under ids keyed by {@code ids}. */
    public static CountingReaderStore inTable(DynamoDbClient dynamo, String readersTable, ReaderIds ids) {
        return new CountingReaderStore(new DynamoReaderStore(dynamo, readersTable, ids),
                new DynamoReaderCounters(dynamo, readersTable));
    }

    @Override
    public Optional<Reader> findByAddress(String municipalityId, Channel channel, String address) {
        return readers.findByAddress(municipalityId, channel, address);
    }

    @Override
    public String newReaderId(String municipalityId, Channel channel, String address) {
        return readers.newReaderId(municipalityId, channel, address);
    }

    @Override
    public void forEachDormantReader(String municipalityId, Dormancy.Kind kind, int segment, LocalDate sinceOnOrBefore,
            Consumer<List<String>> page) {
        readers.forEachDormantReader(municipalityId, kind, segment, sinceOnOrBefore, page);
    }

    @Override
    public Optional<Reader> find(String municipalityId, String readerId) {
        return readers.find(municipalityId, readerId);
    }

    @Override
    public Map<Key, Optional<Reader>> findAll(Collection<Key> keys) {
        return readers.findAll(keys);
    }

    @Override
    public Reader save(Reader reader) {
        Reader saved = readers.save(reader);
        try {
            counters.record(saved);
        } catch (RuntimeException e) {
            LOG.warn("counters of municipality {} not updated for reader {}: {}; the reader's next write counts it",
                    saved.municipalityId(), saved.readerId(), e.getClass().getName());
        }
        return saved;
    }

    @Override
    public void delete(String municipalityId, String readerId) {
        readers.delete(municipalityId, readerId);
        counters.forget(municipalityId, readerId);
    }

    @Override
    public int segments() {
        return readers.segments();
    }

    @Override
    public void forEachActiveReader(String municipalityId, int segment, Consumer<List<ActiveReader>> page) {
        readers.forEachActiveReader(municipalityId, segment, page);
    }
}
