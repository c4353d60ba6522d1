package jp.yorisoi.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import jp.yorisoi.delivery.LedgerEntry.DeliveryStatus;
import jp.yorisoi.delivery.LineMessenger.PushOutcome;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one chunk of a staff broadcast to its LINE readers by multicast: one request per language of at most 500 user
 * ids instead of one push per reader (a town of 50,000 is ~100 requests, inside LINE's 200 multicasts/s).
 *
 * <p>Exactly once per reader: a reader belongs to one chunk, fixed when the broadcast was planned
 * ({@link BroadcastPlanner}); the chunk is claimed in the ledger as one entry (readerId {@code chunk-{n}}) with the
 * LINE claim's rules (a young SENDING is sent again, an old one is in doubt); every multicast of the chunk carries a
 * retry key derived from (town, broadcast, chunk, language, part), so a redelivered job repeats the same requests and
 * LINE answers 409 for those it accepted. The outcome and the broadcast's counters are written in one transaction.
 * Readers who stopped, blocked or left since the planning are skipped; they are read at send time, as the daily
 * delivery reads its reader.
 */
public final class BroadcastChunkSender {

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastChunkSender.class);

    private final BroadcastStore broadcasts;
    private final ReaderStore readers;
    private final DeliveryContent content;
    private final Ledger ledger;
    private final LineMessenger line;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    public BroadcastChunkSender(BroadcastStore broadcasts, ReaderStore readers, DeliveryContent content, Ledger ledger,
            LineMessenger line, DeliveryMetrics metrics, Clock clock) {
        this.broadcasts = broadcasts;
        this.readers = readers;
        this.content = content;
        this.ledger = ledger;
        this.line = line;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The retry key of one multicast of a chunk: the same for every attempt of the same job. */
    static UUID retryKey(DeliveryJob job, String language, int part) {
        return UUID.nameUUIDFromBytes((job.municipalityId() + "|" + job.deliveryKey() + "|" + job.readerId() + "|"
                + language + "|" + part).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws RetryableSendException when LINE failed in a way worth retrying; the job goes back to the queue */
    public DeliveryService.Outcome deliver(DeliveryJob job, Municipality town) {
        Optional<Broadcast> broadcast = broadcasts.find(job.municipalityId(), job.broadcastId());
        Optional<BroadcastStore.Chunk> chunk = broadcast.isEmpty() ? Optional.empty()
                : broadcasts.chunk(job.municipalityId(), job.broadcastId(), job.chunk());
        if (chunk.isEmpty()) {
            // planned chunks are stored before their job is enqueued: this job names none, and never will
            LOG.error("broadcast chunk {} of municipality {} for {} is not stored: dropped", job.readerId(),
                    job.municipalityId(), job.deliveryKey());
            metrics.count(DeliveryMetrics.MALFORMED_JOB);
            return DeliveryService.Outcome.SKIPPED;
        }
        String claimId = UUID.randomUUID().toString();
        Ledger.Claim claim = ledger.claim(entry(job, DeliveryStatus.SENDING, 0), claimId,
                clock.instant().minus(DeliveryService.LINE_RESEND_WINDOW));
        if (claim != Ledger.Claim.CLAIMED) {
            metrics.count(claim == Ledger.Claim.IN_DOUBT ? DeliveryMetrics.SENDING_IN_DOUBT
                    : DeliveryMetrics.ALREADY_DONE);
            return DeliveryService.Outcome.ALREADY_DONE;
        }
        Map<String, List<String>> byLanguage = new TreeMap<>();
        int skipped = recipients(job, chunk.get(), broadcast.get(), byLanguage);
        int sent = 0;
        int failed = 0;
        int requests = 0;
        for (Map.Entry<String, List<String>> group : byLanguage.entrySet()) {
            List<String> texts = content.lineTexts(BroadcastContent.message(broadcast.get(), group.getKey(), town));
            List<String> userIds = group.getValue();
            for (int from = 0, part = 0; from < userIds.size(); from += LineMessenger.MULTICAST_LIMIT, part++) {
                List<String> to = userIds.subList(from, Math.min(from + LineMessenger.MULTICAST_LIMIT, userIds.size()));
                requests++;
                PushOutcome outcome;
                try {
                    outcome = line.multicast(job.municipalityId(), to, texts, retryKey(job, group.getKey(), part));
                } catch (IllegalStateException refused) {
                    // LINE rejected the request itself (a 4xx other than the recipients): repeating cannot help
                    LOG.error("LINE refused broadcast chunk {} of municipality {} for {}: {}", job.readerId(),
                            job.municipalityId(), job.deliveryKey(), refused.getClass().getName());
                    outcome = PushOutcome.UNKNOWN_USER;
                }
                if (outcome == PushOutcome.ACCEPTED) {
                    sent += to.size();
                } else {
                    failed += to.size();
                    metrics.count(DeliveryMetrics.BROADCAST_FAILED);
                    LOG.warn("broadcast chunk {} of municipality {} for {}: {} readers not reached ({})",
                            job.readerId(), job.municipalityId(), job.deliveryKey(), to.size(), outcome);
                }
            }
        }
        DeliveryStatus status = sent > 0 ? DeliveryStatus.SENT : DeliveryStatus.SKIPPED;
        if (!ledger.completeChunk(entry(job, status, requests), claimId,
                new Broadcast.Progress(sent, skipped, failed))) {
            metrics.count(DeliveryMetrics.ALREADY_DONE);
            return DeliveryService.Outcome.ALREADY_DONE;
        }
        metrics.count(sent > 0 ? DeliveryMetrics.SENT : DeliveryMetrics.SKIPPED);
        return sent > 0 ? DeliveryService.Outcome.SENT : DeliveryService.Outcome.SKIPPED;
    }

    /**
     * The chunk's readers who still receive LINE messages (read together: BatchGetItem, 100 keys a call), as user ids
     * by the language of the text they get, sorted
     * so that every attempt splits them into the same requests; returns how many were skipped.
     */
    private int recipients(DeliveryJob job, BroadcastStore.Chunk chunk, Broadcast broadcast,
            Map<String, List<String>> byLanguage) {
        Map<ReaderStore.Key, Optional<Reader>> found = readers.findAll(chunk.lineReaders().stream()
                .map(readerId -> new ReaderStore.Key(job.municipalityId(), readerId)).toList());
        int skipped = 0;
        for (String readerId : chunk.lineReaders().stream().sorted().toList()) {
            Reader reader = found.getOrDefault(new ReaderStore.Key(job.municipalityId(), readerId), Optional.empty())
                    .orElse(null);
            if (reader == null || !reader.status().receivesDeliveries() || reader.channel() != Channel.LINE) {
                skipped++;
                continue;
            }
            String language = broadcast.texts().containsKey(reader.language()) ? reader.language()
                    : Reader.DEFAULT_LANGUAGE;
            byLanguage.computeIfAbsent(language, l -> new ArrayList<>()).add(reader.address());
        }
        return skipped;
    }

    private LedgerEntry entry(DeliveryJob job, DeliveryStatus status, int parts) {
        return new LedgerEntry(job.municipalityId(), job.readerId(), job.deliveryKey(), job.date(), status,
                Channel.LINE.name(), null, parts, clock.instant());
    }
}
