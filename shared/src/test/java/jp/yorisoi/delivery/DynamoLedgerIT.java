package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import jp.yorisoi.delivery.LedgerEntry.DeliveryStatus;
import jp.yorisoi.testing.LocalTables;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoLedgerIT {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    private static final Instant AT = Instant.parse("2026-11-21T23:00:00Z");

    private final LocalTables tables = LocalTables.create();
    private final DynamoLedger ledger = new DynamoLedger(tables.dynamo(), tables.ledger());

    @Test
    void firstClaimSucceeds() {
        assertTrue(ledger.claim(entry("L1", DeliveryStatus.SENDING)));
        assertEquals(DeliveryStatus.SENDING, ledger.find("m1", "L1", DAY.toString()).orElseThrow().status());
    }

    @Test
    void claimWhileStillSendingSucceedsAgainSoACrashedSendIsRetried() {
        assertTrue(ledger.claim(entry("L1", DeliveryStatus.SENDING)));
        assertTrue(ledger.claim(entry("L1", DeliveryStatus.SENDING)));
    }

    @Test
    void claimAfterAFinalOutcomeFails() {
        for (DeliveryStatus status : List.of(DeliveryStatus.SENT, DeliveryStatus.NOTHING_TO_SEND,
                DeliveryStatus.SKIPPED)) {
            String readerId = "L-" + status;
            assertTrue(ledger.claim(entry(readerId, DeliveryStatus.SENDING)));
            ledger.complete(entry(readerId, status));

            assertFalse(ledger.claim(entry(readerId, DeliveryStatus.SENDING)), status.name());
            assertEquals(status, ledger.find("m1", readerId, DAY.toString()).orElseThrow().status());
        }
    }

    @Test
    void claimIsPerDeliveryKey() {
        ledger.complete(entry("L1", DeliveryStatus.SENT));

        assertTrue(ledger.claim(new LedgerEntry("m1", "L1", "broadcast#b1", DAY, DeliveryStatus.SENDING, "LINE",
                "MOTHER", 0, AT)));
        assertTrue(ledger.claim(new LedgerEntry("m1", "L1", DAY.plusDays(1).toString(), DAY.plusDays(1),
                DeliveryStatus.SENDING, "LINE", "MOTHER", 0, AT)));
    }

    @Test
    void claimOnlyWritesSending() {
        assertThrows(IllegalArgumentException.class, () -> ledger.claim(entry("L1", DeliveryStatus.SENT)));
    }

    @Test
    void completedEntryReadsBackAsWritten() {
        LedgerEntry sent = new LedgerEntry("m1", "L1", DAY.toString(), DAY, DeliveryStatus.SENT, "EMAIL", null, 3, AT);

        ledger.complete(sent);

        assertEquals(sent, ledger.find("m1", "L1", DAY.toString()).orElseThrow());
        assertTrue(ledger.find("m1", "L2", DAY.toString()).isEmpty());
    }

    @Test
    void entriesAreListedByMunicipalityAndDateAndExpireAfterAboutFourHundredDays() {
        ledger.complete(entry("L1", DeliveryStatus.SENT));
        ledger.complete(entry("L2", DeliveryStatus.NOTHING_TO_SEND));
        ledger.complete(new LedgerEntry("m1", "L3", DAY.minusDays(1).toString(), DAY.minusDays(1),
                DeliveryStatus.SENT, "LINE", "MOTHER", 1, AT));
        ledger.complete(new LedgerEntry("m2", "L4", DAY.toString(), DAY, DeliveryStatus.SENT, "LINE", "MOTHER", 1, AT));

        List<Map<String, AttributeValue>> items = tables.dynamo().query(r -> r.tableName(tables.ledger())
                .indexName("ByMunicipalityDate")
                .keyConditionExpression("muniDate = :md")
                .expressionAttributeValues(Map.of(":md", AttributeValue.fromS("m1#" + DAY))))
                .items();

        assertEquals(List.of("L1", "L2"), items.stream().map(i -> i.get("readerId").s()).toList());
        long expected = DAY.plusDays(400).atStartOfDay(ZoneId.of("Asia/Tokyo")).toEpochSecond();
        assertEquals(Long.toString(expected), items.get(0).get("expiresAt").n());
    }

    private static LedgerEntry entry(String readerId, DeliveryStatus status) {
        return new LedgerEntry("m1", readerId, DAY.toString(), DAY, status, "LINE", "MOTHER",
                status == DeliveryStatus.SENT ? 2 : 0, AT);
    }
}
