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
import java.util.TreeMap;
import java.util.stream.IntStream;
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
    void entriesAreListedByMunicipalityAndDateInTheirShardAndExpireAfterAboutFourHundredDays() {
        ledger.complete(entry("L1", DeliveryStatus.SENT));
        ledger.complete(new LedgerEntry("m1", "L1", DAY.minusDays(1).toString(), DAY.minusDays(1),
                DeliveryStatus.SENT, "LINE", "MOTHER", 1, AT));
        ledger.complete(new LedgerEntry("m2", "L1", DAY.toString(), DAY, DeliveryStatus.SENT, "LINE", "MOTHER", 1, AT));

        List<Map<String, AttributeValue>> items = indexItems("m1#" + DAY + "#" + DynamoLedger.indexShard("L1"));

        assertEquals(List.of("L1"), items.stream().map(i -> i.get("readerId").s()).toList());
        assertEquals(DAY.toString(), items.get(0).get("date").s());
        long expected = DAY.plusDays(400).atStartOfDay(ZoneId.of("Asia/Tokyo")).toEpochSecond();
        assertEquals(Long.toString(expected), items.get(0).get("expiresAt").n());
        assertEquals(List.of(), indexItems("m1#" + DAY));
    }

    @Test
    void oneTownsDayIsSpreadOverTheIndexShardsAndEveryShardIsCounted() {
        List<String> readerIds = IntStream.range(0, 64).mapToObj(i -> "L" + i).toList();
        readerIds.forEach(id -> ledger.complete(entry(id, DeliveryStatus.SENT)));

        Map<Integer, Integer> perShard = new TreeMap<>();
        for (int shard = 0; shard < DynamoLedger.INDEX_SHARDS; shard++) {
            int found = indexItems("m1#" + DAY + "#" + shard).size();
            if (found > 0) {
                perShard.put(shard, found);
            }
        }

        assertTrue(perShard.size() > DynamoLedger.INDEX_SHARDS / 2, perShard.toString());
        assertTrue(perShard.values().stream().allMatch(n -> n < readerIds.size()), perShard.toString());
        assertEquals(readerIds.size(), perShard.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(readerIds.size(), ledger.finalDailyDeliveries("m1", DAY));
    }

    @Test
    void onlyTheDaysFinalDailyEntriesOfTheTownCount() {
        ledger.complete(entry("L1", DeliveryStatus.SENT));
        ledger.complete(entry("L2", DeliveryStatus.NOTHING_TO_SEND));
        ledger.complete(entry("L3", DeliveryStatus.SKIPPED));
        ledger.complete(entry("L4", DeliveryStatus.SENDING));
        ledger.complete(entry("M5", DeliveryStatus.RELEASED));
        ledger.complete(new LedgerEntry("m1", "L6", "broadcast#b1", DAY, DeliveryStatus.SENT, "LINE", "MOTHER", 1, AT));
        ledger.complete(new LedgerEntry("m1", "L7", DAY.minusDays(1).toString(), DAY.minusDays(1),
                DeliveryStatus.SENT, "LINE", "MOTHER", 1, AT));
        ledger.complete(new LedgerEntry("m2", "L8", DAY.toString(), DAY, DeliveryStatus.SENT, "LINE", "MOTHER", 1, AT));

        assertEquals(3, ledger.finalDailyDeliveries("m1", DAY));
        assertEquals(0, ledger.finalDailyDeliveries("m3", DAY));
    }

    private List<Map<String, AttributeValue>> indexItems(String muniDate) {
        return tables.dynamo().query(r -> r.tableName(tables.ledger())
                        .indexName("ByMunicipalityDate")
                        .keyConditionExpression("muniDate = :md")
                        .expressionAttributeValues(Map.of(":md", AttributeValue.fromS(muniDate))))
                .items();
    }

    @Test
    void exclusiveClaimRefusesAnAttemptInFlightOrCrashedButTakesAReleasedOne() {
        assertTrue(ledger.claimExclusive(entry("M1", DeliveryStatus.SENDING)));
        assertFalse(ledger.claimExclusive(entry("M1", DeliveryStatus.SENDING)));

        ledger.complete(entry("M1", DeliveryStatus.RELEASED));

        assertTrue(ledger.claimExclusive(entry("M1", DeliveryStatus.SENDING)));
        ledger.complete(entry("M1", DeliveryStatus.SENT));
        assertFalse(ledger.claimExclusive(entry("M1", DeliveryStatus.SENDING)));
    }

    @Test
    void aReleasedDeliveryMayBeClaimedAgain() {
        ledger.complete(entry("L1", DeliveryStatus.RELEASED));

        assertTrue(ledger.claim(entry("L1", DeliveryStatus.SENDING)));
    }

    private static LedgerEntry entry(String readerId, DeliveryStatus status) {
        return new LedgerEntry("m1", readerId, DAY.toString(), DAY, status, "LINE", "MOTHER",
                status == DeliveryStatus.SENT ? 2 : 0, AT);
    }
}
