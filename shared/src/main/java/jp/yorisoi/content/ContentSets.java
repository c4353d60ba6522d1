package jp.yorisoi.content;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An owner's texts as one set that an import replaces whole: a row removed from the file stops being sent, and a
 * reader's day never mixes two imports. Calendar messages created one by one (not imported) stay through imports.
 * The DynamoDB adapter is {@code DynamoCatalogue}.
 */
public interface ContentSets {

    /**
     * Makes {@code content} the owner's whole set in one switch: nothing of it is read before the switch, nothing
     * of the set it replaces after the readers' caches let go of it.
     *
     * @throws ConcurrentImportException when another import of the same owner switched first; this one is dropped
     */
    Replaced replace(String owner, ContentImport content, Instant now);

    /** The texts of the owner's active set (daily and birthday), in no particular order; empty before any import. */
    List<ContentEntry> entries(String owner);

    /** The town's calendar messages on or after {@code from}: those of its active set and those created one by one. */
    List<StoredCalendarMessage> calendarMessages(String municipalityId, LocalDate from);

    /** Adds a calendar message outside the imported set, kept until deleted. */
    void createCalendarMessage(CalendarMessage message);

    /** The message created one by one with this id, if there is one. */
    Optional<CalendarMessage> calendarMessage(String municipalityId, String messageId);

    /** Deletes a calendar message created one by one; false when there was none with this id. */
    boolean deleteCalendarMessage(String municipalityId, String messageId);

    /** What an import switched to. */
    record Replaced(String owner, String version, int texts, int calendarMessages) {}

    /** A calendar message as stored: from the imported set, or created one by one. */
    record StoredCalendarMessage(CalendarMessage message, boolean imported) {}

    /** Another import of the same owner became active while this one was being written. */
    final class ConcurrentImportException extends RuntimeException {
        public ConcurrentImportException(String owner) {
            super("another import of " + owner + " became active first");
        }
    }
}
