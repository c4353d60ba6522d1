package jp.yorisoi.delivery.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStore;

/** Readers in memory with the storage contract: optimistic versions, 16 segments by readerId.charAt(1). */
public final class InMemoryReaderStore implements ReaderStore {

    private final Map<String, Reader> readers = new ConcurrentSkipListMap<>();
    private final int pageSize;

    public InMemoryReaderStore(int pageSize) {
        this.pageSize = pageSize;
    }

    @Override
    public Optional<Reader> find(String municipalityId, String readerId) {
        return Optional.ofNullable(readers.get(municipalityId + "|" + readerId));
    }

    @Override
    public synchronized Reader save(Reader reader) {
        String key = reader.municipalityId() + "|" + reader.readerId();
        Reader stored = readers.get(key);
        long storedVersion = stored == null ? 0 : stored.version();
        if (storedVersion != reader.version()) {
            throw new ConcurrentChangeException("version " + reader.version() + " is stale");
        }
        Reader saved = new Reader(reader.municipalityId(), reader.readerId(), reader.channel(), reader.address(),
                reader.role(), reader.language(), reader.status(), reader.children(), reader.conversation(),
                reader.createdAt(), reader.updatedAt(), reader.version() + 1);
        readers.put(key, saved);
        return saved;
    }

    @Override
    public void delete(String municipalityId, String readerId) {
        readers.remove(municipalityId + "|" + readerId);
    }

    @Override
    public int segments() {
        return 16;
    }

    @Override
    public void forEachActiveReader(String municipalityId, int segment, Consumer<List<ActiveReader>> page) {
        char shard = Character.forDigit(segment, 16);
        List<ActiveReader> current = new ArrayList<>();
        for (Reader reader : List.copyOf(readers.values())) {
            if (reader.municipalityId().equals(municipalityId) && reader.readerId().charAt(1) == shard
                    && reader.status().receivesDeliveries()) {
                current.add(new ActiveReader(reader.readerId(), reader.channel()));
                if (current.size() == pageSize) {
                    page.accept(List.copyOf(current));
                    current.clear();
                }
            }
        }
        if (!current.isEmpty()) {
            page.accept(List.copyOf(current));
        }
    }
}
