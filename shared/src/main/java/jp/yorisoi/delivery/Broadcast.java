package jp.yorisoi.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import jp.yorisoi.reader.Reader;

/**
 * A staff broadcast (緊急のお知らせ): one text per language for every active reader of a town, sent once through the
 * job queues and the ledger. Its id is derived from the town and the client's idempotency key, so a re-sent
 * request names the same broadcast.
 *
 * @param date     the day (town time) it was created: the ledger files its entries under that day
 * @param readers  the readers it reaches (frozen in its chunks when it was planned)
 * @param chunks   how many chunks its readers are spread over (fixed at creation: a reader's chunk never changes)
 * @param progress what the senders finished so far
 */
public record Broadcast(String municipalityId, String broadcastId, Map<String, String> texts, LocalDate date,
        Instant createdAt, String createdBy, int readers, int chunks, Progress progress) {

    public Broadcast {
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(broadcastId, "broadcastId");
        Objects.requireNonNull(date, "date");
        texts = Map.copyOf(new TreeMap<>(texts));
        if (!texts.containsKey(Reader.DEFAULT_LANGUAGE)) {
            throw new IllegalArgumentException("a broadcast needs a text in " + Reader.DEFAULT_LANGUAGE);
        }
        progress = progress == null ? Progress.NONE : progress;
    }

    /** The text for a reader's language, falling back to Japanese as the daily content does. */
    public String textFor(String language) {
        return texts.getOrDefault(language, texts.get(Reader.DEFAULT_LANGUAGE));
    }

    /** Readers no sender has finished yet. */
    public int pending() {
        return Math.max(0, readers - progress.sent() - progress.skipped() - progress.failed());
    }

    /**
     * What the senders finished: sent, skipped (the reader stopped, blocked or left since), failed (the channel
     * refused, or the outcome is in doubt).
     */
    public record Progress(int sent, int skipped, int failed) {
        public static final Progress NONE = new Progress(0, 0, 0);
    }
}
