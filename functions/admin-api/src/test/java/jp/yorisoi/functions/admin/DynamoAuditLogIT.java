package jp.yorisoi.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.yorisoi.testing.LocalTables;
import org.junit.jupiter.api.Test;

/** The audit log in DynamoDB Local: each town's records and the operators' feed, newest first, a page at a time. */
class DynamoAuditLogIT {

    final LocalTables tables = LocalTables.create();
    final MovingClock clock = new MovingClock(Instant.parse("2026-11-22T00:00:00Z"));
    final DynamoAuditLog audit = new DynamoAuditLog(tables.dynamo(), tables.names().get("AuditTable"), clock);
    final Caller editorOfA = new Caller("editor-a", Set.of(Caller.StaffGroup.EDITOR), Optional.of("town-a"));
    final Caller operator = Caller.operator("op");

    @Test
    void aTownsRecordsComeNewestFirstAndPageWithoutGapsOrRepeats() {
        for (int i = 0; i < 5; i++) {
            // 0.1 s apart: Instant.toString would sort "…:00.1Z" before "…:00Z"; the stored key must not
            clock.advance(Duration.ofMillis(100));
            audit.record(editorOfA, "town-a", "updateMunicipality", Map.of("n", i));
        }

        AuditTrail.Page first = audit.page(Optional.of("town-a"), 2, Optional.empty());
        AuditTrail.Page second = audit.page(Optional.of("town-a"), 2, first.next());
        AuditTrail.Page third = audit.page(Optional.of("town-a"), 2, second.next());

        assertEquals(List.of(4, 3), numbers(first));
        assertEquals(List.of(2, 1), numbers(second));
        assertEquals(List.of(0), numbers(third));
        assertTrue(third.next().isEmpty() || audit.page(Optional.of("town-a"), 2, third.next()).records().isEmpty());
        assertEquals("editor-a", first.records().get(0).subject());
        assertEquals(Instant.parse("2026-11-22T00:00:00.500Z"), first.records().get(0).at());
    }

    @Test
    void aTownSeesOnlyItsOwnRecordsAndOperatorsSeeAllTowns() {
        audit.record(editorOfA, "town-a", "updateMunicipality", Map.of());
        clock.advance(Duration.ofSeconds(1));
        audit.record(operator, "town-b", "createStaff", Map.of());
        clock.advance(Duration.ofSeconds(1));
        audit.record(operator, null, "importBaseContent", Map.of("rows", 3));

        assertEquals(List.of("updateMunicipality"), actions(audit.page(Optional.of("town-a"), 50, Optional.empty())));
        assertEquals(List.of("importBaseContent", "createStaff", "updateMunicipality"),
                actions(audit.page(Optional.empty(), 50, Optional.empty())));
        assertEquals(null, audit.page(Optional.empty(), 1, Optional.empty()).records().get(0).municipalityId());
    }

    @Test
    void aCursorOfAnotherTownOpensNothingOfThatTown() {
        audit.record(operator, "town-b", "createStaff", Map.of());
        clock.advance(Duration.ofSeconds(1));
        audit.record(operator, "town-b", "deleteStaff", Map.of());
        AuditTrail.Page ofB = audit.page(Optional.of("town-b"), 1, Optional.empty());

        assertEquals(List.of(), audit.page(Optional.of("town-a"), 50, ofB.next()).records());
    }

    @Test
    void aCursorThisLogDidNotMakeIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> audit.page(Optional.of("town-a"), 10, Optional.of("not base64!")));
        assertThrows(IllegalArgumentException.class,
                () -> audit.page(Optional.of("town-a"), 10, Optional.of("bm9uZXdsaW5l")));
    }

    private static List<Integer> numbers(AuditTrail.Page page) {
        return page.records().stream().map(r -> ((Number) r.details().get("n")).intValue()).toList();
    }

    private static List<String> actions(AuditTrail.Page page) {
        return page.records().stream().map(AuditRecord::action).toList();
    }

    /** A clock the test moves forward. */
    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
