package jp.yorisoi.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import jp.yorisoi.content.DayMessage;
import jp.yorisoi.content.MailRendering;
import jp.yorisoi.delivery.LedgerEntry.DeliveryStatus;
import jp.yorisoi.delivery.LineMessenger.PushOutcome;
import jp.yorisoi.mail.MailLinks;
import jp.yorisoi.mail.MailTags;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.MunicipalityStore;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.ReaderStore;
import jp.yorisoi.reader.ReaderStore.ConcurrentChangeException;
import jp.yorisoi.reader.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one job: reads the reader as they stand at send time, composes their message, claims the delivery in
 * the ledger and sends it through their channel, so that a re-run, a duplicate message or a second fan-out
 * sends nothing twice.
 *
 * <p>LINE is exactly-once: every attempt of a (reader, delivery) reuses one retry key, and LINE answers a repeat
 * of an accepted push with 409, so a SENDING entry left by a crash is simply sent again. E-mail is at-most-once
 * in one place: SES has no idempotency key, so the ledger is claimed exclusively before sending; a crash between
 * SES accepting and the ledger write leaves SENDING, which no later attempt sends again (metric MailInDoubt).
 */
public final class DeliveryService {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryService.class);
    private static final int SAVE_ATTEMPTS = 3;
    /**
     * How long a LINE push left SENDING may be pushed again. LINE keeps a retry key for 24 hours after the first
     * request with it ("The retry key is valid for 24 hours after attempting the first request",
     * https://developers.line.biz/en/docs/messaging-api/retrying-api-request/); after that a repeat would be a new
     * message. The age counts from the first claim, which comes just before the first push; the 4 hours of margin
     * cover that gap, the last attempt's own run time and clock skew. An older SENDING entry is in doubt.
     */
    static final Duration LINE_RESEND_WINDOW = Duration.ofHours(20);
    /**
     * How long an e-mail claim may belong to an attempt that is still running: no sender invocation outlives its
     * 60 s function timeout (template.yaml), and 30 s more cover clock skew between containers. A younger SENDING
     * entry is a concurrent duplicate of the job; an older one was left by an attempt that stopped.
     */
    static final Duration MAIL_IN_FLIGHT_WINDOW = Duration.ofSeconds(90);

    private final ReaderStore readers;
    private final MunicipalityStore municipalities;
    private final DeliveryContent content;
    private final Ledger ledger;
    private final LineMessenger line;
    private final MailSender mail;
    private final MailLinks mailLinks;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    /** {@code line}, or {@code mail} with {@code mailLinks}, may be null in a function serving one channel. */
    public DeliveryService(ReaderStore readers, MunicipalityStore municipalities, DeliveryContent content,
            Ledger ledger, LineMessenger line, MailSender mail, MailLinks mailLinks,
            DeliveryMetrics metrics, Clock clock) {
        this.readers = readers;
        this.municipalities = municipalities;
        this.content = content;
        this.ledger = ledger;
        this.line = line;
        this.mail = mail;
        this.mailLinks = mailLinks;
        this.metrics = metrics;
        this.clock = clock;
    }

    public enum Outcome {
        SENT,
        /** An earlier attempt finished this delivery (or, for e-mail, may have): nothing sent now. */
        ALREADY_DONE,
        NOTHING_TO_SEND,
        /** The reader is gone, no longer active, or their town has no such channel: nothing sent. */
        SKIPPED,
        /** The channel rejected the address; the reader is marked UNREACHABLE. */
        UNREACHABLE
    }

    /** The retry key LINE sees for this delivery: the same for every attempt of the same (town, reader, day). */
    public static UUID retryKey(DeliveryJob job) {
        return UUID.nameUUIDFromBytes((job.municipalityId() + "|" + job.readerId() + "|" + job.deliveryKey())
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws RetryableSendException when the channel failed in a way worth retrying; the job goes back to the queue
     */
    public Outcome deliver(DeliveryJob job) {
        return deliver(job, Map.of());
    }

    /**
     * The readers of a batch of jobs, read together (one BatchGetItem per 100 instead of one GetItem per job): what
     * {@link #deliver(DeliveryJob, Map)} takes. A reader read here is at most one batch's run time older than a read
     * at send time, and every write to the reader re-reads it ({@code updateReader}).
     */
    public Map<ReaderStore.Key, Optional<Reader>> readersOf(Collection<DeliveryJob> jobs) {
        return readers.findAll(jobs.stream().map(job -> new ReaderStore.Key(job.municipalityId(), job.readerId()))
                .toList());
    }

    /**
     * As {@link #deliver(DeliveryJob)}, with the reader taken from {@code readBefore} when it holds the job's key
     * (see {@link #readersOf}), else read now.
     *
     * @throws RetryableSendException when the channel failed in a way worth retrying; the job goes back to the queue
     */
    public Outcome deliver(DeliveryJob job, Map<ReaderStore.Key, Optional<Reader>> readBefore) {
        Optional<Reader> found = readBefore.get(new ReaderStore.Key(job.municipalityId(), job.readerId()));
        if (found == null) {
            found = readers.find(job.municipalityId(), job.readerId());
        }
        Optional<Municipality> municipality = municipalities.find(job.municipalityId()).filter(Municipality::active);
        if (found.isEmpty() || !found.get().status().receivesDeliveries() || municipality.isEmpty()
                || found.get().channel() != job.channel()) {
            return finishWithout(job, found.map(Reader::role).orElse(null), DeliveryStatus.SKIPPED);
        }
        Reader reader = found.get();
        if (job.isDaily() && !reader.registeredBy(job.date())) {
            // a catch-up run of a day before the reader joined: late joiners start at the day they joined
            LOG.info("reader {} of municipality {} registered after {}: skipped", job.readerId(), job.municipalityId(),
                    job.deliveryKey());
            return finishWithout(job, reader.role(), DeliveryStatus.SKIPPED);
        }
        DayMessage message = content.messageFor(job, reader, municipality.get());
        if (message.isEmpty()) {
            return finishWithout(job, reader.role(), DeliveryStatus.NOTHING_TO_SEND);
        }
        return switch (job.channel()) {
            case LINE -> deliverByLine(job, reader, municipality.get(), message);
            case EMAIL -> deliverByMail(job, reader, municipality.get(), message);
        };
    }

    private Outcome deliverByLine(DeliveryJob job, Reader reader, Municipality municipality, DayMessage message) {
        if (line == null) {
            throw new IllegalStateException("this function does not push to LINE");
        }
        String claimId = newClaimId();
        Ledger.Claim claim = claimLine(entry(job, reader, DeliveryStatus.SENDING, 0), claimId);
        if (claim != Ledger.Claim.CLAIMED) {
            return notClaimed(job, claim);
        }
        if (ledger.monthlyLimitReached(job.municipalityId(), job.date())) {
            return skipForMonthlyLimit(job, reader, claimId);
        }
        // a failure here leaves SENDING, which the retry claims again
        recordBirthQuestion(job, reader, municipality);
        List<String> texts = content.lineTexts(message);
        PushOutcome outcome = line.push(job.municipalityId(), reader.address(), texts, retryKey(job));
        switch (outcome) {
            case UNKNOWN_USER -> {
                markUnreachable(job);
                ledger.complete(entry(job, reader, DeliveryStatus.SKIPPED, 0), claimId);
                metrics.count(DeliveryMetrics.UNREACHABLE);
                LOG.info("reader {} of municipality {} is unknown to LINE: marked unreachable", job.readerId(),
                        job.municipalityId());
                return Outcome.UNREACHABLE;
            }
            case MONTHLY_LIMIT -> {
                // LINE processed nothing: the birth question was not asked today after all
                forgetBirthQuestion(job, reader, municipality);
                if (ledger.recordMonthlyLimit(job.municipalityId(), job.date(), clock.instant())) {
                    metrics.count(DeliveryMetrics.LINE_MONTHLY_LIMIT);
                    LOG.error("LINE channel of municipality {} reached its monthly message limit: its pushes for {} "
                            + "stop here", job.municipalityId(), job.date());
                }
                return skipForMonthlyLimit(job, reader, claimId);
            }
            case ACCEPTED -> { }
        }
        if (!ledger.complete(entry(job, reader, DeliveryStatus.SENT, texts.size()), claimId)) {
            // another attempt re-claimed the delivery meanwhile; the retry key made both pushes one, and it records it
            metrics.count(DeliveryMetrics.ALREADY_DONE);
            return Outcome.ALREADY_DONE;
        }
        metrics.count(DeliveryMetrics.SENT);
        return Outcome.SENT;
    }

    private Ledger.Claim claimLine(LedgerEntry sending, String claimId) {
        return ledger.claim(sending, claimId, clock.instant().minus(LINE_RESEND_WINDOW));
    }

    private Ledger.Claim claimMail(LedgerEntry sending, String claimId) {
        return ledger.claimExclusive(sending, claimId, clock.instant().minus(MAIL_IN_FLIGHT_WINDOW));
    }

    /** A LINE delivery this attempt did not get: finished before, or left unfinished too long ago to push again. */
    private Outcome notClaimed(DeliveryJob job, Ledger.Claim claim) {
        if (claim == Ledger.Claim.IN_DOUBT) {
            metrics.count(DeliveryMetrics.SENDING_IN_DOUBT);
            LOG.warn("LINE push to reader {} of municipality {} for {} was left unfinished longer than LINE keeps its "
                    + "retry key: marked in doubt, not pushed again", job.readerId(), job.municipalityId(),
                    job.deliveryKey());
        } else {
            metrics.count(DeliveryMetrics.ALREADY_DONE);
        }
        return Outcome.ALREADY_DONE;
    }

    private Outcome skipForMonthlyLimit(DeliveryJob job, Reader reader, String claimId) {
        ledger.complete(entry(job, reader.role(), DeliveryStatus.SKIPPED, 0, LedgerEntry.MONTHLY_LIMIT), claimId);
        metrics.count(DeliveryMetrics.SKIPPED);
        return Outcome.SKIPPED;
    }

    private Outcome deliverByMail(DeliveryJob job, Reader reader, Municipality municipality, DayMessage message) {
        if (mail == null || mailLinks == null) {
            throw new IllegalStateException("this function does not send e-mail");
        }
        if (municipality.senderEmail() == null) {
            return finishWithout(job, reader.role(), DeliveryStatus.SKIPPED);
        }
        String claimId = newClaimId();
        Ledger.Claim claim = claimMail(entry(job, reader, DeliveryStatus.SENDING, 0), claimId);
        if (claim != Ledger.Claim.CLAIMED) {
            // IN_FLIGHT: a duplicate of the job while another attempt sends; that attempt counts its own outcome
            boolean inDoubt = claim == Ledger.Claim.IN_DOUBT;
            metrics.count(inDoubt ? DeliveryMetrics.MAIL_IN_DOUBT : DeliveryMetrics.ALREADY_DONE);
            if (inDoubt) {
                LOG.warn("e-mail to reader {} of municipality {} for {} is in doubt: not sent again", job.readerId(),
                        job.municipalityId(), job.deliveryKey());
            }
            return Outcome.ALREADY_DONE;
        }
        try {
            recordBirthQuestion(job, reader, municipality);
        } catch (RuntimeException e) {
            // nothing was sent: release the claim so that the retry may send, instead of leaving it in doubt
            ledger.complete(entry(job, reader, DeliveryStatus.RELEASED, 0), claimId);
            throw e;
        }
        Instant now = clock.instant();
        String unsubscribeUrl = mailLinks.unsubscribeUrl(job.municipalityId(), job.readerId(), now);
        MailRendering.Links links = new MailRendering.Links(
                mailLinks.settingsUrl(job.municipalityId(), job.readerId(), now), unsubscribeUrl);
        DeliveryContent.MailContent rendered = content.mail(message, municipality, reader.language(), links);
        try {
            mail.send(new MailSender.Mail(municipality.name(), municipality.senderEmail(), reader.address(),
                    rendered.subject(), rendered.text(), rendered.html(), unsubscribeUrl,
                    MailTags.of(job.municipalityId(), job.readerId())));
        } catch (RetryableSendException e) {
            ledger.complete(entry(job, reader, DeliveryStatus.RELEASED, 0), claimId);
            throw e;
        } catch (MailSender.MailRejectedException e) {
            // nothing was sent: released, so that a redrive after the cause is fixed may send; the job fails on to
            // its dead-letter queue, which alarms
            ledger.complete(entry(job, reader.role(), DeliveryStatus.RELEASED, 0, "SES_REJECTED:" + e.reason()),
                    claimId);
            metrics.count(DeliveryMetrics.MAIL_REJECTED);
            LOG.warn("SES refused the e-mail to reader {} of municipality {} for {}: {}", job.readerId(),
                    job.municipalityId(), job.deliveryKey(), e.reason());
            throw e;
        }
        ledger.complete(entry(job, reader, DeliveryStatus.SENT, 1), claimId);
        metrics.count(DeliveryMetrics.SENT);
        return Outcome.SENT;
    }

    private Outcome finishWithout(DeliveryJob job, Role role, DeliveryStatus status) {
        LedgerEntry claim = entry(job, role, DeliveryStatus.SENDING, 0);
        String claimId = newClaimId();
        // an e-mail left SENDING may have gone out: it keeps that mark rather than becoming SKIPPED
        Ledger.Claim claimed = job.channel() == Channel.EMAIL ? claimMail(claim, claimId) : claimLine(claim, claimId);
        if (claimed == Ledger.Claim.IN_DOUBT && job.channel() == Channel.LINE) {
            return notClaimed(job, claimed);
        }
        if (claimed != Ledger.Claim.CLAIMED || !ledger.complete(entry(job, role, status, 0), claimId)) {
            metrics.count(DeliveryMetrics.ALREADY_DONE);
            return Outcome.ALREADY_DONE;
        }
        if (status == DeliveryStatus.NOTHING_TO_SEND) {
            metrics.count(DeliveryMetrics.NOTHING_TO_SEND);
            return Outcome.NOTHING_TO_SEND;
        }
        metrics.count(DeliveryMetrics.SKIPPED);
        return Outcome.SKIPPED;
    }

    /** Tells this attempt's ledger writes from any other attempt's, including a retried write of its own. */
    private static String newClaimId() {
        return UUID.randomUUID().toString();
    }

    private LedgerEntry entry(DeliveryJob job, Reader reader, DeliveryStatus status, int parts) {
        return entry(job, reader.role(), status, parts, null);
    }

    private LedgerEntry entry(DeliveryJob job, Role role, DeliveryStatus status, int parts) {
        return entry(job, role, status, parts, null);
    }

    private LedgerEntry entry(DeliveryJob job, Role role, DeliveryStatus status, int parts, String reason) {
        return new LedgerEntry(job.municipalityId(), job.readerId(), job.deliveryKey(), job.date(), status,
                job.channel().name(), role == null ? null : role.name(), parts, clock.instant(), reason);
    }

    /**
     * The day asked "has the baby been born?": remember it on the child so it is asked once. Written after the claim
     * and before the send: after the send, a crash would leave the day sent and the question unrecorded, asked again
     * the next day; a retry of the same day still carries the question (it counts as asked on that day).
     */
    private void recordBirthQuestion(DeliveryJob job, Reader reader, Municipality municipality) {
        setBirthAskedOn(job, reader, municipality, child -> child.birthAskedOn() == null, job.date());
    }

    /** A push refused for the monthly limit asked nothing: the question recorded for it is asked again later. */
    private void forgetBirthQuestion(DeliveryJob job, Reader reader, Municipality municipality) {
        setBirthAskedOn(job, reader, municipality, child -> job.date().equals(child.birthAskedOn()), null);
    }

    /** Sets the day the birth question was asked on the day's asked children that {@code applies} to. */
    private void setBirthAskedOn(DeliveryJob job, Reader reader, Municipality municipality, Predicate<Child> applies,
            LocalDate askedOn) {
        List<String> asked = content.childrenAskedAboutBirth(job, reader, municipality);
        if (asked.isEmpty()) {
            return;
        }
        updateReader(job, current -> {
            Reader updated = current;
            for (String childId : asked) {
                Optional<Child> child = updated.child(childId).filter(applies);
                if (child.isPresent()) {
                    updated = updated.withChild(child.get().askedAboutBirth(askedOn));
                }
            }
            return updated;
        });
    }

    private void markUnreachable(DeliveryJob job) {
        updateReader(job, r -> r.withStatus(ReaderStatus.UNREACHABLE));
    }

    /** Re-reads and re-applies on a concurrent change (the reader may be chatting while the day goes out). */
    private void updateReader(DeliveryJob job, UnaryOperator<Reader> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<Reader> current = readers.find(job.municipalityId(), job.readerId());
            if (current.isEmpty()) {
                return;
            }
            Reader changed = change.apply(current.get());
            if (changed.equals(current.get())) {
                return;
            }
            try {
                readers.save(changed);
                return;
            } catch (ConcurrentChangeException e) {
                if (attempt >= SAVE_ATTEMPTS) {
                    LOG.warn("reader {} of municipality {} kept changing; update given up", job.readerId(),
                            job.municipalityId());
                    return;
                }
            }
        }
    }
}
