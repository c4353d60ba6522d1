package jp.yorisoi.line;

/**
 * Remembers which webhook events were handled, so a LINE redelivery changes nothing twice and replies once.
 * The DynamoDB adapter is {@code DynamoProcessedEvents} (conditional put, entries expire after days).
 */
public interface ProcessedEvents {

    /** Records {@code eventKey}; false when it was already recorded (the event was seen before). */
    boolean markProcessed(String eventKey);

    /** Drops the record again when handling failed, so LINE's redelivery of the event is handled, not skipped. */
    void forget(String eventKey);
}
