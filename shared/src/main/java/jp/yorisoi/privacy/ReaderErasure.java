package jp.yorisoi.privacy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import jp.yorisoi.delivery.Ledger;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStore;
import jp.yorisoi.schedule.ProgramSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases one reader: the parent's own request (chat), the operator's {@code deleteReader}, or retention. What
 * identifies a reader is their item in the readers table (address, children's dates, conversation; its
 * ActiveReaders index entry goes with it) and their ledger entries (keyed by their id; the ByMunicipalityDate
 * index entries go with them). Processed webhook events hold LINE's event id only, content and towns no reader.
 *
 * <p>The order makes a job still queued harmless: the ledger is swept, the reader deleted, and the ledger swept
 * again. Ledger claims are conditional on the reader being stored, so a sender that claimed before the delete is
 * caught by the second sweep and one that comes after writes nothing. A failure before the delete leaves the
 * reader whole, so the request can simply be made again.
 */
public final class ReaderErasure {

    private static final Logger LOG = LoggerFactory.getLogger(ReaderErasure.class);

    private final ReaderStore readers;
    private final Ledger ledger;
    private final Clock clock;

    public ReaderErasure(ReaderStore readers, Ledger ledger, Clock clock) {
        this.readers = readers;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** What an erasure removed; ids and counts only. */
    public record Erased(String readerId, boolean readerFound, int ledgerEntries) {}

    /** Erases the reader with this id; their ledger entries are swept even when the reader is already gone. */
    public Erased erase(String municipalityId, String readerId) {
        return erase(municipalityId, readerId, readers.find(municipalityId, readerId));
    }

    /** Erases the reader found at {@code address}, under whichever id they were given. */
    public Optional<Erased> eraseByAddress(String municipalityId, Channel channel, String address) {
        return readers.findByAddress(municipalityId, channel, address)
                .map(reader -> erase(municipalityId, reader.readerId(), Optional.of(reader)));
    }

    private Erased erase(String municipalityId, String readerId, Optional<Reader> found) {
        int swept = ledger.forgetReader(municipalityId, readerId);
        readers.delete(municipalityId, readerId);
        swept += ledger.forgetReader(municipalityId, readerId);
        if (found.isPresent() && found.get().status().receivesDeliveries()) {
            // today's entry went with them, or today's job will find them gone: the reconciliation allows for one
            ledger.countErasure(municipalityId, LocalDate.now(clock.withZone(ProgramSchedule.ZONE)));
        }
        LOG.info("erased reader {} of municipality {}: {} ledger entries", readerId, municipalityId, swept);
        return new Erased(readerId, found.isPresent(), swept);
    }
}
