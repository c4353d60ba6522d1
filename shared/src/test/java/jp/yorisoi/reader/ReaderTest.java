package jp.yorisoi.reader;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReaderTest {

    private static final String ADDRESS = "parent@example.jp";

    private static Reader readerWithEverythingPersonal() {
        Child expected = Child.expected("c1", LocalDate.parse("2026-06-01"));
        Child born = new Child("c2", LocalDate.parse("2024-03-10"), LocalDate.parse("2024-03-03"), ChildStatus.ACTIVE,
                LocalDate.parse("2024-03-24"));
        return Reader.newcomer("sakura", Channel.EMAIL, ADDRESS, Instant.parse("2026-01-01T00:00:00Z"))
                .withChildren(List.of(expected, born))
                .withConversation(Map.of("pending", "dueDate", "typed", "2026-06-01"))
                .withStatus(ReaderStatus.ACTIVE);
    }

    @Test
    void printingAReaderShowsItsIdsButNoAddressDateOrConversation() {
        // A reader in a log line or an exception message must not carry personal data (NOTES: logging).
        Reader reader = readerWithEverythingPersonal();
        String printed = reader.toString();

        assertTrue(printed.contains(reader.readerId()), printed);
        assertTrue(printed.contains("sakura"), printed);
        assertFalse(printed.contains(ADDRESS), printed);
        assertFalse(printed.contains("2026-06-01"), printed);
        assertFalse(printed.contains("2024-03"), printed);
        assertFalse(printed.contains("dueDate"), printed);
    }

    @Test
    void printingAChildShowsItsIdTrackAndStatusButNoDate() {
        Child child = readerWithEverythingPersonal().children().get(1);
        String printed = child.toString();

        assertTrue(printed.contains("c2") && printed.contains("CHILD") && printed.contains("ACTIVE"), printed);
        assertFalse(printed.contains("2024"), printed);
    }
}
