package jp.yorisoi.delivery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.ReaderStore;
import jp.yorisoi.reader.ReaderStore.ActiveReader;

/**
 * Turns a stored broadcast into jobs. Its readers are the town's active readers, read from the sparse
 * active-reader index (never a Scan), spread over the broadcast's chunks by a hash of the reader id, so a reader's
 * chunk does not depend on who else is active. Each chunk's readers are stored once (the first write stands) before
 * its jobs are enqueued: one LINE multicast job per chunk ({@link BroadcastChunkSender}), one mail job per e-mail
 * reader (the daily senders' path, one ledger entry each). Planning the same broadcast again, after a time-out or a
 * re-sent request, enqueues the same chunks again, and the ledger sends nothing twice.
 */
public final class BroadcastPlanner {

    /**
     * Readers per chunk on average. LINE takes at most 500 user ids per multicast; with ~400 per chunk a chunk over
     * 500 is five standard deviations away, and the sender splits one anyway.
     */
    static final int READERS_PER_CHUNK = 400;

    private final ReaderStore readers;
    private final BroadcastStore broadcasts;
    private final JobQueue jobs;

    public BroadcastPlanner(ReaderStore readers, BroadcastStore broadcasts, JobQueue jobs) {
        this.readers = readers;
        this.broadcasts = broadcasts;
        this.jobs = jobs;
    }

    /** The town's active readers now (ids and channels only), the audience of a broadcast created now. */
    public List<ActiveReader> audience(String municipalityId) {
        List<ActiveReader> audience = Collections.synchronizedList(new ArrayList<>());
        List<Runnable> segments = new ArrayList<>();
        for (int segment = 0; segment < readers.segments(); segment++) {
            int s = segment;
            segments.add(() -> readers.forEachActiveReader(municipalityId, s, audience::addAll));
        }
        VirtualThreads.runAll(segments, "interrupted while reading a broadcast's readers");
        return List.copyOf(audience);
    }

    /** How many chunks a broadcast to {@code readers} readers is spread over. */
    public static int chunksFor(int readers) {
        return Math.max(1, (readers + READERS_PER_CHUNK - 1) / READERS_PER_CHUNK);
    }

    /** The chunk of a reader: String.hashCode is fixed by the Java API, so every planning agrees. */
    static int chunkOf(String readerId, int chunks) {
        return Math.floorMod(readerId.hashCode(), chunks);
    }

    /**
     * Stores the chunks of {@code audience} (a chunk stored by an earlier planning keeps its readers) and enqueues
     * their jobs.
     *
     * @return the readers the broadcast reaches: the readers of its stored chunks
     */
    public int plan(Broadcast broadcast, List<ActiveReader> audience) {
        List<List<String>> line = new ArrayList<>();
        List<List<String>> mail = new ArrayList<>();
        for (int chunk = 0; chunk < broadcast.chunks(); chunk++) {
            line.add(new ArrayList<>());
            mail.add(new ArrayList<>());
        }
        for (ActiveReader reader : audience) {
            int chunk = chunkOf(reader.readerId(), broadcast.chunks());
            (reader.channel() == Channel.LINE ? line : mail).get(chunk).add(reader.readerId());
        }
        int total = 0;
        List<DeliveryJob> planned = new ArrayList<>();
        for (int chunk = 0; chunk < broadcast.chunks(); chunk++) {
            BroadcastStore.Chunk stored = broadcasts.saveChunk(broadcast,
                    new BroadcastStore.Chunk(chunk, line.get(chunk), mail.get(chunk)));
            total += stored.size();
            if (!stored.lineReaders().isEmpty()) {
                planned.add(DeliveryJob.broadcastChunk(broadcast.municipalityId(), chunk, broadcast.date(),
                        broadcast.broadcastId()));
            }
            for (String readerId : stored.mailReaders()) {
                planned.add(DeliveryJob.broadcast(broadcast.municipalityId(), readerId, Channel.EMAIL,
                        broadcast.date(), broadcast.broadcastId()));
            }
        }
        broadcasts.setReaders(broadcast.municipalityId(), broadcast.broadcastId(), total);
        jobs.enqueue(planned);
        return total;
    }
}
