package jp.yorisoi.delivery;

import java.util.List;
import java.util.Optional;

/**
 * Staff broadcasts and the readers of each of their chunks; the DynamoDB adapter is {@code DynamoBroadcastStore}.
 * The senders' progress counters are kept by the ledger, in the same write as each outcome.
 */
public interface BroadcastStore {

    /**
     * Stores a new broadcast.
     *
     * @return false when a broadcast with this id exists already (the request was sent before): nothing written
     */
    boolean create(Broadcast broadcast);

    Optional<Broadcast> find(String municipalityId, String broadcastId);

    /**
     * Stores the readers of one chunk unless the chunk was stored before, and returns the chunk as stored: the
     * first write stands, so every planning of the broadcast sends the same readers in the same chunk.
     */
    Chunk saveChunk(Broadcast broadcast, Chunk chunk);

    Optional<Chunk> chunk(String municipalityId, String broadcastId, int number);

    /** Records how many readers the chunks hold, once every chunk is stored. */
    void setReaders(String municipalityId, String broadcastId, int readers);

    /** The reader ids of one chunk by channel (ids only, never an address). */
    record Chunk(int number, List<String> lineReaders, List<String> mailReaders) {

        public Chunk {
            lineReaders = List.copyOf(lineReaders);
            mailReaders = List.copyOf(mailReaders);
        }

        public int size() {
            return lineReaders.size() + mailReaders.size();
        }
    }
}
