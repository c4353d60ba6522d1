package jp.yorisoi.delivery;

import java.time.LocalDate;
import java.util.Objects;
import jp.yorisoi.reader.Channel;

/**
 * One reader's delivery on one day, as it travels on the job queue, or one chunk of a staff broadcast for LINE
 * multicast. Carries ids only (no personal data); the sender reads the readers' state at send time.
 *
 * @param readerId    the reader, or "chunk-{n}" for a broadcast chunk (reader ids start with L or M)
 * @param deliveryKey what makes the delivery unique for the reader: the date for the daily delivery,
 *                    "broadcast#{id}" for a staff broadcast
 */
public record DeliveryJob(String municipalityId, String readerId, Channel channel, LocalDate date, String deliveryKey) {

    public DeliveryJob {
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(readerId, "readerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(deliveryKey, "deliveryKey");
    }

    public static DeliveryJob daily(String municipalityId, String readerId, Channel channel, LocalDate date) {
        return new DeliveryJob(municipalityId, readerId, channel, date, date.toString());
    }

    /** Prefix of a broadcast's delivery key. */
    public static final String BROADCAST_PREFIX = "broadcast#";
    private static final String CHUNK_PREFIX = "chunk-";

    /** One reader's copy of a staff broadcast (e-mail readers: one job each). */
    public static DeliveryJob broadcast(String municipalityId, String readerId, Channel channel, LocalDate date,
            String broadcastId) {
        return new DeliveryJob(municipalityId, readerId, channel, date, BROADCAST_PREFIX + broadcastId);
    }

    /** One chunk of a staff broadcast's LINE readers, multicast in one go (BroadcastChunkSender). */
    public static DeliveryJob broadcastChunk(String municipalityId, int chunk, LocalDate date, String broadcastId) {
        return new DeliveryJob(municipalityId, CHUNK_PREFIX + chunk, Channel.LINE, date, BROADCAST_PREFIX + broadcastId);
    }

    public boolean isBroadcast() {
        return deliveryKey.startsWith(BROADCAST_PREFIX);
    }

    /** Whether a ledger entry's reader id is a broadcast chunk's, which names no reader. */
    public static boolean isChunkId(String readerId) {
        return readerId.startsWith(CHUNK_PREFIX);
    }

    public boolean isBroadcastChunk() {
        return isBroadcast() && readerId.startsWith(CHUNK_PREFIX);
    }

    /** The broadcast's id; only for {@link #isBroadcast()} jobs. */
    public String broadcastId() {
        if (!isBroadcast()) {
            throw new IllegalStateException("not a broadcast job: " + deliveryKey);
        }
        return deliveryKey.substring(BROADCAST_PREFIX.length());
    }

    /** The chunk number; only for {@link #isBroadcastChunk()} jobs. */
    public int chunk() {
        if (!isBroadcastChunk()) {
            throw new IllegalStateException("not a broadcast chunk: " + readerId);
        }
        return Integer.parseInt(readerId.substring(CHUNK_PREFIX.length()));
    }

    public boolean isDaily() {
        return deliveryKey.equals(date.toString());
    }
}
