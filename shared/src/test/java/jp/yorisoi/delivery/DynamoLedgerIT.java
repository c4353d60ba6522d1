package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import jp.yorisoi.delivery.Ledger.Claim;
import java.util.TreeMap;
import java.util.stream.IntStream;
import jp.yorisoi.delivery.LedgerEntry.DeliveryStatus;
import jp.yorisoi.delivery.stubs.LostAnswerDynamo;
import jp.yorisoi.testing.LocalTables;
import jp.yorisoi.testkit.LocalDynamo;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class DynamoLedgerIT {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    private static final Instant AT = Instant.parse("2026-11-21T23:00:00Z");
    private static final Duration WINDOW = DeliveryService.LINE_RESEND_WINDOW;

    private final LocalTables tables = LocalTables.create();
    private final DynamoLedger ledger = new DynamoLedger(tables.dynamo(), tables.ledger());

    @Test
    void firstClaimSucceeds() {
        assertEquals(Claim.CLAIMED, claim("L1", "c1", AT));
        assertEquals(DeliveryStatus.SENDING, ledger.find("m1", "L1", DAY.toString()).orElseThrow().status());
    }

    @Test
    void claimWhileStillSendingSucceedsAgainSoACrashedSendIsRetried() {
        assertEquals(Claim.CLAIMED, claim("L1", "c1", AT));
        assertEquals(Claim.CLAIMED, claim("L1", "c2", AT.plus(Duration.ofHours(1))));
    }

    @Test
    void claimAfterAFinalOutcomeFindsItDone() {
        for (DeliveryStatus status : List.of(DeliveryStatus.SENT, DeliveryStatus.NOTHING_TO_SEND,
                DeliveryStatus.SKIPPED)) {
            String readerId = "L-" + status;
            record(entry(readerId, status));

            assertEquals(Claim.DONE, claim(readerId, "later", AT), status.name());
            assertEquals(status, ledger.find("m1", readerId, DAY.toString()).orElseThrow().status());
        }
    }

    @Test
    void sendingFirstClaimedBeforeTheResendWindowIsMarkedInDoubtAndStaysFinal() {
        assertEquals(Claim.CLAIMED, claim("L1", "c1", AT));
        // re-claims do not make the entry younger: the age counts from the first claim
        assertEquals(Claim.CLAIMED, claim("L1", "c2", AT.plus(Duration.ofHours(19))));
        Instant dayLater = AT.plus(Duration.ofHours(21));

        assertEquals(Claim.IN_DOUBT, ledger.claim(entry("L1", DeliveryStatus.SENDING, dayLater), "c3",
                dayLater.minus(WINDOW)));

        LedgerEntry inDoubt = ledger.find("m1", "L1", DAY.toString()).orElseThrow();
        assertEquals(DeliveryStatus.IN_DOUBT, inDoubt.status());
        assertEquals(LedgerEntry.RETRY_KEY_EXPIRED, inDoubt.reason());
        assertEquals(Claim.DONE, claim("L1", "c4", dayLater.plus(Duration.ofHours(1))));
        assertFalse(ledger.complete(entry("L1", DeliveryStatus.SENT, dayLater), "c2"));
    }

    @Test
    void aReleasedDeliveryStartsItsAgeAfresh() {
        assertEquals(Claim.CLAIMED, claim("L1", "c1", AT));
        assertTrue(ledger.complete(entry("L1", DeliveryStatus.RELEASED, AT), "c1"));
        Instant dayLater = AT.plus(Duration.ofHours(30));

        assertEquals(Claim.CLAIMED, claim("L1", "c2", dayLater));
        assertEquals(Claim.CLAIMED, claim("L1", "c3", dayLater.plus(Duration.ofHours(1))));
    }

    @Test
    void completeBelongsToTheClaimThatHoldsTheEntry() {
        claim("L1", "c1", AT);
        claim("L1", "c2", AT.plus(Duration.ofMinutes(5)));

        assertFalse(ledger.complete(entry("L1", DeliveryStatus.SENT), "c1"));
        assertEquals(DeliveryStatus.SENDING, ledger.find("m1", "L1", DAY.toString()).orElseThrow().status());
        assertTrue(ledger.complete(entry("L1", DeliveryStatus.SENT), "c2"));
        assertEquals(DeliveryStatus.SENT, ledger.find("m1", "L1", DAY.toString()).orElseThrow().status());
    }

    @Test
    void anExclusiveClaimWhoseAnswerWasLostIsStillThisAttemptsClaim() {
        LostAnswerDynamo lossy = new LostAnswerDynamo(LocalDynamo.shared().endpoint(),
                request -> request instanceof UpdateItemRequest);
        DynamoLedger overLossyNetwork = new DynamoLedger(lossy.client(), tables.ledger());

        assertEquals(Claim.CLAIMED, overLossyNetwork.claimExclusive(entry("M1", DeliveryStatus.SENDING), "c1", AT.plusSeconds(1)));
        assertEquals(Claim.IN_DOUBT, ledger.claimExclusive(entry("M1", DeliveryStatus.SENDING), "c2", AT.plusSeconds(1)));
        assertEquals(2, lossy.matchingRequestsSent());
    }

    @Test
    void anOutcomeWhoseAnswerWasLostIsRecognisedAsWritten() {
        claim("L1", "c1", AT);
        LostAnswerDynamo lossy = new LostAnswerDynamo(LocalDynamo.shared().endpoint(),
                request -> request instanceof UpdateItemRequest);
        DynamoLedger overLossyNetwork = new DynamoLedger(lossy.client(), tables.ledger());

        assertTrue(overLossyNetwork.complete(entry("L1", DeliveryStatus.SENT), "c1"));

        assertEquals(2, lossy.matchingRequestsSent());
        assertEquals(DeliveryStatus.SENT, ledger.find("m1", "L1", DAY.toString()).orElseThrow().status());
    }

    @Test
    void claimIsPerDeliveryKey() {
        record(entry("L1", DeliveryStatus.SENT));

        assertEquals(Claim.CLAIMED, ledger.claim(new LedgerEntry("m1", "L1", "broadcast#b1", DAY,
                DeliveryStatus.SENDING, "LINE", "MOTHER", 0, AT), "c1", AT.minus(WINDOW)));
        assertEquals(Claim.CLAIMED, ledger.claim(new LedgerEntry("m1", "L1", DAY.plusDays(1).toString(),
                DAY.plusDays(1), DeliveryStatus.SENDING, "LINE", "MOTHER", 0, AT), "c1", AT.minus(WINDOW)));
    }

    @Test
    void claimOnlyWritesSending() {
        assertThrows(IllegalArgumentException.class, () -> ledger.claim(entry("L1", DeliveryStatus.SENT), "c1", AT));
    }

    @Test
    void completedEntryReadsBackAsWritten() {
        LedgerEntry sent = new LedgerEntry("m1", "L1", DAY.toString(), DAY, DeliveryStatus.SENT, "EMAIL", null, 3, AT);

        record(sent);

        assertEquals(sent, ledger.find("m1", "L1", DAY.toString()).orElseThrow());
        assertTrue(ledger.find("m1", "L2", DAY.toString()).isEmpty());
    }

    @Test
    void entriesAreListedByMunicipalityAndDateInTheirShardAndExpireAfterAboutFourHundredDays() {
        record(entry("L1", DeliveryStatus.SENT));
        record(new LedgerEntry("m1", "L1", DAY.minusDays(1).toString(), DAY.minusDays(1),
                DeliveryStatus.SENT, "LINE", "MOTHER", 1, AT));
        record(new LedgerEntry("m2", "L1", DAY.toString(), DAY, DeliveryStatus.SENT, "LINE", "MOTHER", 1, AT));

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
        readerIds.forEach(id -> record(entry(id, DeliveryStatus.SENT)));

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
        record(entry("L1", DeliveryStatus.SENT));
        record(entry("L2", DeliveryStatus.NOTHING_TO_SEND));
        record(entry("L3", DeliveryStatus.SKIPPED));
        assertEquals(Claim.CLAIMED, ledger.claim(entry("L4", DeliveryStatus.SENDING), "setup", AT.minus(WINDOW)));
        record(entry("M5", DeliveryStatus.RELEASED));
        record(new LedgerEntry("m1", "L6", "broadcast#b1", DAY, DeliveryStatus.SENT, "LINE", "MOTHER", 1, AT));
        record(new LedgerEntry("m1", "L7", DAY.minusDays(1).toString(), DAY.minusDays(1),
                DeliveryStatus.SENT, "LINE", "MOTHER", 1, AT));
        record(new LedgerEntry("m2", "L8", DAY.toString(), DAY, DeliveryStatus.SENT, "LINE", "MOTHER", 1, AT));

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
        assertEquals(Claim.CLAIMED, ledger.claimExclusive(entry("M1", DeliveryStatus.SENDING), "c1", AT));
        assertEquals(Claim.IN_FLIGHT, ledger.claimExclusive(entry("M1", DeliveryStatus.SENDING), "c2", AT),
                "claimed no earlier than the in-flight bound: that attempt may still be sending");
        assertEquals(Claim.IN_DOUBT, ledger.claimExclusive(entry("M1", DeliveryStatus.SENDING), "c2", AT.plusSeconds(1)),
                "claimed before it: that attempt stopped at an unknown point");

        assertTrue(ledger.complete(entry("M1", DeliveryStatus.RELEASED), "c1"));

        assertEquals(Claim.CLAIMED, ledger.claimExclusive(entry("M1", DeliveryStatus.SENDING), "c3", AT));
        assertTrue(ledger.complete(entry("M1", DeliveryStatus.SENT), "c3"));
        assertEquals(Claim.DONE, ledger.claimExclusive(entry("M1", DeliveryStatus.SENDING), "c4", AT));
    }

    @Test
    void theMonthlyLimitIsRecordedOncePerTownAndDay() {
        assertFalse(ledger.monthlyLimitReached("m1", DAY));

        assertTrue(ledger.recordMonthlyLimit("m1", DAY, AT));
        assertFalse(ledger.recordMonthlyLimit("m1", DAY, AT.plusSeconds(1)));

        assertTrue(ledger.monthlyLimitReached("m1", DAY));
        assertFalse(ledger.monthlyLimitReached("m2", DAY));
        assertFalse(ledger.monthlyLimitReached("m1", DAY.plusDays(1)));
    }

    @Test
    void aMonthlyLimitWhoseAnswerWasLostIsStillRecordedByThisCall() {
        LostAnswerDynamo lossy = new LostAnswerDynamo(LocalDynamo.shared().endpoint(),
                request -> request instanceof PutItemRequest);
        DynamoLedger overLossyNetwork = new DynamoLedger(lossy.client(), tables.ledger());

        assertTrue(overLossyNetwork.recordMonthlyLimit("m1", DAY, AT));

        assertEquals(2, lossy.matchingRequestsSent());
        assertFalse(ledger.recordMonthlyLimit("m1", DAY, AT));
    }

    @Test
    void markingInDoubtWhoseAnswerWasLostIsStillThisAttemptsVerdict() {
        assertEquals(Claim.CLAIMED, claim("L1", "c1", AT));
        Instant dayLater = AT.plus(Duration.ofHours(21));
        LostAnswerDynamo lossy = new LostAnswerDynamo(LocalDynamo.shared().endpoint(),
                request -> request instanceof UpdateItemRequest update
                        && update.expressionAttributeValues().containsKey(":a_reason"));
        DynamoLedger overLossyNetwork = new DynamoLedger(lossy.client(), tables.ledger());

        assertEquals(Claim.IN_DOUBT, overLossyNetwork.claim(entry("L1", DeliveryStatus.SENDING, dayLater), "c2",
                dayLater.minus(WINDOW)));

        assertEquals(2, lossy.matchingRequestsSent());
        assertEquals(DeliveryStatus.IN_DOUBT, ledger.find("m1", "L1", DAY.toString()).orElseThrow().status());
    }

    private Claim claim(String readerId, String claimId, Instant at) {
        return ledger.claim(entry(readerId, DeliveryStatus.SENDING, at), claimId, at.minus(WINDOW));
    }

    /** Writes an outcome the way a sender does: claimed, then completed by the same claim. */
    private void record(LedgerEntry done) {
        LedgerEntry sending = new LedgerEntry(done.municipalityId(), done.readerId(), done.deliveryKey(), done.date(),
                DeliveryStatus.SENDING, done.channel(), done.role(), 0, done.updatedAt());
        assertEquals(Claim.CLAIMED, ledger.claim(sending, "setup", done.updatedAt().minus(WINDOW)));
        assertTrue(ledger.complete(done, "setup"));
    }

    private static LedgerEntry entry(String readerId, DeliveryStatus status) {
        return entry(readerId, status, AT);
    }

    private static LedgerEntry entry(String readerId, DeliveryStatus status, Instant at) {
        return new LedgerEntry("m1", readerId, DAY.toString(), DAY, status, "LINE", "MOTHER",
                status == DeliveryStatus.SENT ? 2 : 0, at);
    }
}
