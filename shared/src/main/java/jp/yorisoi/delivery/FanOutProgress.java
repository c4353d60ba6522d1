package jp.yorisoi.delivery;

import java.time.LocalDate;
import java.util.Map;

/**
 * Which parts (town, day, reader segment) of the hourly fan-out are done, and how many readers each enqueued, so
 * that a retried run enqueues only the rest and the reconciliation knows how many deliveries to expect. The
 * DynamoDB adapter is {@code DynamoFanOutProgress}.
 */
public interface FanOutProgress {

    /** Records nothing and knows of nothing done: every run enqueues everything (catch-up runs). */
    FanOutProgress NONE = new FanOutProgress() {
        @Override
        public Map<Integer, Integer> completedSegments(String municipalityId, LocalDate date) {
            return Map.of();
        }

        @Override
        public void recordCompleted(String municipalityId, LocalDate date, int segment, int enqueued) {}
    };

    /** Readers enqueued by each completed segment of the town's day, keyed by segment. */
    Map<Integer, Integer> completedSegments(String municipalityId, LocalDate date);

    /** Marks the segment done; a segment recorded before keeps its first record. */
    void recordCompleted(String municipalityId, LocalDate date, int segment, int enqueued);

    default int enqueued(String municipalityId, LocalDate date) {
        return completedSegments(municipalityId, date).values().stream().mapToInt(Integer::intValue).sum();
    }
}
