package jp.yorisoi.reader;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Where readers live. The DynamoDB adapter is {@code DynamoReaderStore}. */
public interface ReaderStore {

    Optional<Reader> find(String municipalityId, String readerId);

    /** A reader's identity across towns: what a batch of jobs names. */
    record Key(String municipalityId, String readerId) {}

    /**
     * The readers of many keys as {@link #find} would read them, in as few calls as the store allows. A key the
     * store could not answer this time (throttled) is left out of the map, so the caller reads it with
     * {@link #find}; an answered key without a reader maps to empty.
     */
    default Map<Key, Optional<Reader>> findAll(Collection<Key> keys) {
        Map<Key, Optional<Reader>> found = new HashMap<>();
        for (Key key : keys) {
            found.put(key, find(key.municipalityId(), key.readerId()));
        }
        return found;
    }

    default Optional<Reader> findByAddress(String municipalityId, Channel channel, String address) {
        return find(municipalityId, Reader.idFor(municipalityId, channel, address));
    }

    /**
     * Writes the reader if nobody saved it since it was read (its {@code version} still matches; version 0
     * means "must not exist yet"). Returns the saved reader with the next version.
     *
     * @throws ConcurrentChangeException when the stored version differs
     */
    Reader save(Reader reader);

    /** Removes the reader and everything that identifies them. */
    void delete(String municipalityId, String readerId);

    /** Number of segments the fan-out may page through in parallel. */
    int segments();

    /**
     * Pages through the ACTIVE readers of one municipality in one segment (Query on a sparse index, never
     * Scan), handing each page of ids to {@code page}.
     */
    void forEachActiveReader(String municipalityId, int segment, Consumer<java.util.List<ActiveReader>> page);

    /**
     * What the fan-out needs of an active reader: no personal data.
     *
     * @param registeredOn the day the reader registered, or null when not recorded (registered long ago)
     */
    record ActiveReader(String readerId, Channel channel, java.time.LocalDate registeredOn) {

        public ActiveReader(String readerId, Channel channel) {
            this(readerId, channel, null);
        }

        /** True when a delivery for {@code day} may go to this reader: not a day before they registered. */
        public boolean registeredBy(java.time.LocalDate day) {
            return registeredOn == null || !day.isBefore(registeredOn);
        }
    }

    /** Thrown when an optimistic write loses to a concurrent one. */
    final class ConcurrentChangeException extends RuntimeException {
        public ConcurrentChangeException(String message) {
            super(message);
        }
    }
}
