package jp.yorisoi.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.ReaderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What SES tells about delivered mail, as its configuration set publishes it (event publishing, field
 * {@code eventType}; identity feedback notifications name it {@code notificationType} and carry no tags): a hard
 * bounce or a complaint stops mail to that reader at once (UNREACHABLE); soft bounces are counted and stop it after
 * {@link #SOFT_BOUNCES_TO_STOP} within {@link #SOFT_BOUNCE_WINDOW}. The reader is named by the message's tags.
 */
public final class MailFeedback {

    private static final Logger LOG = LoggerFactory.getLogger(MailFeedback.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A full mailbox or a greylisting host clears up; three in a month rarely does. */
    static final int SOFT_BOUNCES_TO_STOP = 3;
    static final Duration SOFT_BOUNCE_WINDOW = Duration.ofDays(30);

    /** What one event did. */
    public enum Outcome {
        /** The reader gets no more mail. */
        STOPPED,
        /** A soft bounce, counted. */
        COUNTED,
        /** Not about a reader's mail (another event type, no tags, a reader gone). */
        IGNORED
    }

    private final ReaderStore readers;
    private final Counters counters;
    private final Clock clock;

    public MailFeedback(ReaderStore readers, Counters counters, Clock clock) {
        this.readers = readers;
        this.counters = counters;
        this.clock = clock;
    }

    /**
     * @param sesEvent the SNS message: SES's event record as JSON
     * @throws IllegalArgumentException when the message is not JSON (a retry would not change that)
     */
    public Outcome handle(String sesEvent) {
        JsonNode event;
        try {
            event = JSON.readTree(sesEvent);
        } catch (IOException e) {
            throw new IllegalArgumentException("the SES event is not JSON", e);
        }
        String type = event.path("eventType").asText("");
        if (type.isEmpty()) {
            LOG.warn("SES {} notification without event publishing tags ignored: the configuration set's events "
                    + "are the ones handled", event.path("notificationType").asText("unknown"));
            return Outcome.IGNORED;
        }
        Optional<MailTags.Addressee> addressee = MailTags.Addressee.from(
                tag(event, MailTags.MUNICIPALITY), tag(event, MailTags.READER));
        if (addressee.isEmpty() || !(type.equals("Bounce") || type.equals("Complaint"))) {
            return Outcome.IGNORED;
        }
        MailTags.Addressee who = addressee.get();
        if (type.equals("Complaint")) {
            return stop(who, "complaint");
        }
        String bounceType = event.path("bounce").path("bounceType").asText("");
        if (bounceType.equals("Permanent")) {
            return stop(who, "hard bounce (" + event.path("bounce").path("bounceSubType").asText("") + ")");
        }
        // Transient, or Undetermined: SES could not tell; both may clear up, both count
        long count = counters.increment("soft-bounce#" + who.municipalityId() + "#" + who.readerId(),
                SOFT_BOUNCE_WINDOW, clock.instant());
        if (count >= SOFT_BOUNCES_TO_STOP) {
            return stop(who, count + " soft bounces");
        }
        LOG.info("soft bounce {} of reader {} of municipality {}", count, who.readerId(), who.municipalityId());
        return Outcome.COUNTED;
    }

    private static Optional<String> tag(JsonNode event, String name) {
        JsonNode values = event.path("mail").path("tags").path(name);
        return values.isArray() && !values.isEmpty() ? Optional.of(values.get(0).asText()) : Optional.empty();
    }

    /** One retry on a concurrent change (the reader may be using the settings page at that moment). */
    private Outcome stop(MailTags.Addressee who, String why) {
        for (int attempt = 1; ; attempt++) {
            Optional<Reader> reader = readers.find(who.municipalityId(), who.readerId());
            if (reader.isEmpty()) {
                return Outcome.IGNORED;
            }
            if (reader.get().status() == ReaderStatus.UNREACHABLE) {
                return Outcome.STOPPED;
            }
            try {
                readers.save(reader.get().withStatus(ReaderStatus.UNREACHABLE));
                LOG.info("reader {} of municipality {} marked unreachable: {}", who.readerId(), who.municipalityId(),
                        why);
                return Outcome.STOPPED;
            } catch (ReaderStore.ConcurrentChangeException e) {
                if (attempt >= 2) {
                    throw e;
                }
            }
        }
    }
}
