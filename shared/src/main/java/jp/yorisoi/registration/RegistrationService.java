package jp.yorisoi.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import jp.yorisoi.line.LineReplier;
import jp.yorisoi.line.ProcessedEvents;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.privacy.ReaderErasure;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStore;

/**
 * Handles one verified LINE event of a parent: dedupes it, lets {@link ParentConversation} decide, stores the
 * outcome, then answers with the reply token. The reader is written before the reply so that a lost reply never
 * leaves the chat and the stored state apart in the other direction.
 */
public final class RegistrationService {

    /** What became of one event. */
    public enum Outcome { HANDLED, DUPLICATE }

    private final ReaderStore readers;
    private final ProcessedEvents processedEvents;
    private final LineReplier replier;
    private final DayPreview preview;
    private final TodaysMessage todaysMessage;
    private final ReaderErasure erasure;

    /** Confirmations never promise a message today: for a chat without the content catalogue. */
    public RegistrationService(ReaderStore readers, ProcessedEvents processedEvents, LineReplier replier,
            ReaderErasure erasure) {
        this(readers, processedEvents, replier, DayPreview.NONE, TodaysMessage.NONE, erasure);
    }

    /**
     * @param preview       today's delivery as the senders will compose it, so a confirmation can say "today"
     * @param todaysMessage answers a request for today's message with the message itself
     * @param erasure       what a parent's "delete my data" runs: the reader and everything that names them
     */
    public RegistrationService(ReaderStore readers, ProcessedEvents processedEvents, LineReplier replier,
            DayPreview preview, TodaysMessage todaysMessage, ReaderErasure erasure) {
        this.readers = readers;
        this.processedEvents = processedEvents;
        this.replier = replier;
        this.preview = preview;
        this.todaysMessage = todaysMessage;
        this.erasure = erasure;
    }

    /**
     * @param webhookEventId LINE's id of the event, the dedupe key; null only for events without one
     * @param replyToken     null for events that cannot be answered (unfollow)
     */
    public Outcome handle(Municipality town, String webhookEventId, String lineUserId, String replyToken,
            ParentEvent event, LocalDate today, Instant now) {
        String eventKey = webhookEventId == null ? null : town.municipalityId() + "#" + webhookEventId;
        if (eventKey != null && !processedEvents.markProcessed(eventKey)) {
            return Outcome.DUPLICATE;
        }
        Decided decided;
        try {
            decided = decideAndStore(town, lineUserId, event, today, now);
        } catch (RuntimeException e) {
            // Nothing was stored: let LINE's redelivery of this event be handled instead of skipped as a duplicate.
            if (eventKey != null) {
                processedEvents.forget(eventKey);
            }
            throw e;
        }
        Turn turn = decided.turn();
        if (replyToken != null && turn.today() && decided.reader().isPresent()
                && todaysMessage.reply(town, decided.reader().get(), replyToken, today)) {
            return Outcome.HANDLED;
        }
        if (replyToken != null && !turn.replies().isEmpty()) {
            replier.reply(town.municipalityId(), replyToken, turn.replies());
        }
        return Outcome.HANDLED;
    }

    /** The turn, and the reader it was decided for as stored before it. */
    private record Decided(Turn turn, Optional<Reader> reader) {}

    /** One retry on a concurrent write: two quick taps of the same parent race, the second sees the first. */
    private Decided decideAndStore(Municipality town, String lineUserId, ParentEvent event, LocalDate today,
            Instant now) {
        ParentConversation conversation = new ParentConversation(town, today, now, preview);
        try {
            return decideAndStore(conversation, town, lineUserId, event);
        } catch (ReaderStore.ConcurrentChangeException e) {
            return decideAndStore(conversation, town, lineUserId, event);
        }
    }

    private Decided decideAndStore(ParentConversation conversation, Municipality town, String lineUserId,
            ParentEvent event) {
        Optional<Reader> stored = find(town, lineUserId);
        return new Decided(store(town, stored, lineUserId, conversation.next(stored, lineUserId, event)), stored);
    }

    private Optional<Reader> find(Municipality town, String lineUserId) {
        return readers.findByAddress(town.municipalityId(), Channel.LINE, lineUserId);
    }

    private Turn store(Municipality town, Optional<Reader> stored, String lineUserId, Turn turn) {
        switch (turn.change()) {
            // a newcomer is first stored under the keyed id; a stored reader keeps the id it was given
            case Turn.Change.Save save -> readers.save(stored.isPresent() ? save.reader()
                    : save.reader().withReaderId(readers.newReaderId(town.municipalityId(), Channel.LINE, lineUserId)));
            case Turn.Change.Delete delete -> erasure.erase(town.municipalityId(), delete.readerId());
            case Turn.Change.Keep keep -> { }
        }
        return turn;
    }
}
