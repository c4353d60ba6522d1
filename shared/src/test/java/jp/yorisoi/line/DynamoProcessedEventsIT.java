package jp.yorisoi.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import jp.yorisoi.delivery.stubs.LostAnswerDynamo;
import jp.yorisoi.testing.LocalTables;
import jp.yorisoi.testkit.LocalDynamo;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

class DynamoProcessedEventsIT {

    private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

    private final LocalTables tables = LocalTables.create();

    @Test
    void firstSightingIsNewAndARedeliveryIsNot() {
        ProcessedEvents events = at(NOW);

        assertTrue(events.markProcessed("m1#01HX"));
        assertFalse(events.markProcessed("m1#01HX"));
        assertFalse(at(NOW.plus(Duration.ofDays(6))).markProcessed("m1#01HX"));
    }

    @Test
    void aMarkWhoseAnswerWasLostIsStillThisCallsAndTheEventIsHandledOnce() {
        LostAnswerDynamo lossy = new LostAnswerDynamo(LocalDynamo.shared().endpoint(),
                request -> request instanceof PutItemRequest);
        ProcessedEvents overLossyNetwork = new DynamoProcessedEvents(lossy.client(), tables.events(),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertTrue(overLossyNetwork.markProcessed("m1#01HX"));

        assertTrue(lossy.lostAnAnswer());
        assertEquals(2, lossy.matchingRequestsSent());
        // LINE's redelivery of the same event is still a duplicate, for this client and any other
        assertFalse(overLossyNetwork.markProcessed("m1#01HX"));
        assertFalse(at(NOW).markProcessed("m1#01HX"));
    }

    @Test
    void aForgottenEventIsNewAgain() {
        ProcessedEvents events = at(NOW);
        events.markProcessed("m1#01HX");

        events.forget("m1#01HX");

        assertTrue(events.markProcessed("m1#01HX"));
    }

    @Test
    void sameEventIdInAnotherTownIsADifferentEvent() {
        ProcessedEvents events = at(NOW);

        assertTrue(events.markProcessed("m1#01HX"));
        assertTrue(events.markProcessed("m2#01HX"));
    }

    @Test
    void eventIsRememberedForSevenDays() {
        at(NOW).markProcessed("m1#01HX");

        Map<String, AttributeValue> item = tables.dynamo().getItem(r -> r.tableName(tables.events())
                .key(Map.of("eventKey", AttributeValue.fromS("m1#01HX")))).item();
        assertEquals(Long.toString(NOW.plus(Duration.ofDays(7)).getEpochSecond()), item.get("expiresAt").n());
    }

    @Test
    void expiredEntryNotYetRemovedByTtlCountsAsForgotten() {
        at(NOW).markProcessed("m1#01HX");

        assertTrue(at(NOW.plus(Duration.ofDays(8))).markProcessed("m1#01HX"));
    }

    private ProcessedEvents at(Instant instant) {
        return new DynamoProcessedEvents(tables.dynamo(), tables.events(), Clock.fixed(instant, ZoneOffset.UTC));
    }
}
